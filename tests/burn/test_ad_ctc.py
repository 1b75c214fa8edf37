"""Burn's `autodiff/ctc.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def _fn_generate_logits(t_size, n_size, c_size, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    data = []
    for t in range(0, t_size):
        for n in range(0, n_size):
            for c in range(0, c_size):
                data.append(rmath('sin', (t * 7 + n * 13 + c * 3) * 0.1))
    return TestTensor.from_data(TensorData(data, [t_size, n_size, c_size]), device)


def _fn_run_comparison(t_size, n_size, c_size, targets_flat, target_shape, input_lengths, target_lengths, blank, expected_grad_flat):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    logits = _fn_generate_logits(t_size, n_size, c_size, device).require_grad()
    log_probs = activation.log_softmax(logits, 2)
    targets = TestTensorInt.from_data(TensorData(targets_flat, target_shape), device)
    input_lengths = TestTensorInt.from_data(TensorData(input_lengths, [n_size]), device)
    target_lengths = TestTensorInt.from_data(TensorData(target_lengths, [n_size]), device)
    loss = module.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank).sum()
    grads = loss.backward()
    logits_grad = logits.grad(grads)
    logits_grad.into_data().assert_approx_eq(TensorData(list(expected_grad_flat), [t_size, n_size, c_size]), Tolerance.rel_abs(1e-3, 1e-3).set_half_precision_absolute(1e-2))


def test_ctc_loss_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    t_size = 5
    n_size = 3
    c_size = 4
    device = device
    logits = _fn_generate_logits(t_size, n_size, c_size, device).require_grad()
    log_probs = activation.log_softmax(logits, 2)
    targets = TestTensorInt.from_data(TensorData([[1, 2, 0], [1, 0, 0], [3, 2, 1]]), device)
    input_lengths = TestTensorInt.from_data(TensorData([5, 5, 5]), device)
    target_lengths = TestTensorInt.from_data(TensorData([2, 1, 3]), device)
    loss = module.ctc_loss(log_probs, targets, input_lengths, target_lengths, 0).sum()
    grads = loss.backward()
    logits_grad = logits.grad(grads)
    expected_first_row = TensorData([-0.1679008007, -0.4595540464, 0.2795598209, 0.3478950262])
    logits_grad_data = logits_grad.into_data()
    first_row = list(logits_grad_data.as_numpy().astype('float32').reshape(-1)[:4])
    TensorData(list(first_row)).assert_approx_eq(expected_first_row, Tolerance.rel_abs(1e-3, 1e-3))


def test_ctc_loss_grad_mixed_input_lengths(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    expected_grad_flat = [-0.4790987670, -0.2554937005, 0.1991624236, 0.2478453964, 0.2875846624, -0.3495813310, 0.2268397957, 0.2150714993, -0.2442178279, 0.1518878639, -0.2764556706, 0.2474014312, -0.2137086987, 0.1371368915, 0.1056260392, -0.2729502618, -0.3609606028, 0.2159237266, 0.2238420397, 0.1941450834, -0.2953839302, 0.1920599341, 0.1974952668, -0.2054278404, 0.1112565696, -0.1719199270, 0.2299505472, -0.2864859998, 0.1497263014, 0.0787290633, -0.2035763413, -0.3042884767, 0.2126964629, 0.1810975969, 0.1140707731, -0.2759391963, 0.0975771844, 0.1823379993, -0.1112988219, 0.1073228419, -0.1336459517, 0.1869296581, -0.1996247321, 0.1846873760, -0.0383463502, -0.2254105806, -0.1834360659, 0.1925925612, 0.1462381780, 0.0700158924, -0.2259973884, -0.0393539183, 0.1802661419, -0.0571591072, 0.1422442794, -0.0609069727, 0.1089282706, -0.0313654318, 0.2186669111, -0.2353227735, -0.2840364873, -0.0632198900, 0.1755636632, 0.1377806067, 0.0339120962, -0.1904856712, -0.2139032930, 0.1827126741, 0.0056131603, 0.2160631120, -0.0243270602, -0.0070458520, 0.1070247591, 0.2239368409, -0.2995886803, -0.2955487072, 0.0309870224, 0.1654911339, 0.1581364125, -0.0590658709, -0.2191396207, -0.3791662455, 0.1803640425, 0.1225430891, 0.2953987718, -0.0436352938, -0.1575258970, 0.1785279512, 0.1756918877, -0.1530586481, -0.1834939867, 0.0909025446, 0.1423641294, 0.1959712654, -0.2457439601, -0.3619639874, -0.3929221630, 0.1820438206, 0.2454170734, 0.3274252713, -0.0628800318, -0.2567180395, 0.2112283260, 0.0507859327, 0.0575838275, -0.0587697029, 0.1174769849, 0.0783569664, 0.2290501744, -0.3661144078, 0.0, 0.0, 0.0, 0.0, 0.0, -0.0725664943, -0.1532069892, 0.2162397504, -0.1248963475, 0.1344300956, -0.0362483934, 0.1295878887, -0.0502482466, 0.2470482886, -0.2901395261, 0.0, 0.0, 0.0, 0.0, 0.0, -0.1349253207, 0.0867646411, 0.1998746395, -0.2658679783, 0.1141540110, -0.0705668628, 0.1519546807, -0.2509805560, 0.2475892603, -0.0779965296, 0.0, 0.0, 0.0, 0.0, 0.0, -0.2338010073, 0.2471641302, 0.1834627241, -0.3026831448, 0.1058573127, -0.1155209392, 0.1921830922, -0.4129956067, 0.2229512781, 0.1133821756, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, -0.2636392713, 0.2323469073, -0.2913427949, 0.1800564528, 0.1425786912, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    _fn_run_comparison(12, 3, 5, [1, 4, 2, 0, 3, 1, 0, 0, 2, 4, 1, 3], [3, 4], [12, 7, 10], [3, 2, 4], 0, expected_grad_flat)


def test_ctc_loss_grad_repeated_labels(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    expected_grad_flat = [-0.2766432464, -0.5202965736, 0.1523768753, 0.1896236390, 0.2200277001, 0.2349116206, -0.1854365915, 0.2031330466, -0.4260218740, 0.1678018719, 0.1360142529, 0.1045092493, -0.6603536606, 0.2278252542, 0.1691786796, 0.1262856424, 0.0972681716, 0.0397959016, -0.0894432291, -0.5457318425, 0.1490373611, 0.1462858170, 0.1569476575, 0.1829041988, -0.2842915654, -0.4220107496, 0.1822281033, 0.1889107376, 0.1791101843, 0.1560532600, -0.1155678406, 0.2295538932, -0.2645366490, -0.0288553704, 0.1027252972, 0.0766806602, -0.5448347330, 0.2031028718, 0.1589304954, 0.1322451383, 0.1189499870, -0.0683937520, -0.0873993114, -0.3051757514, -0.2355299890, 0.1586059481, 0.2018169016, 0.2676822543, -0.3225219846, -0.2611543834, 0.1922984123, 0.1632783115, 0.1297036558, 0.0983960181, -0.1507159024, 0.2256962359, -0.1040333956, -0.1514528394, 0.0985243544, 0.0819815546, -0.2940836251, 0.1586865336, 0.1468491107, 0.1485087872, 0.1639631987, -0.3239239752, -0.0767390430, -0.0434846729, -0.4023587406, -0.0052628326, 0.2273432612, 0.3005020022, -0.2598774135, -0.2188862711, 0.1678501070, 0.1352078766, 0.1002781317, 0.0754275694, -0.1502914876, 0.1930875033, -0.0709601715, -0.2219523191, 0.1243555173, 0.1257609427, -0.0574148744, 0.1152269915, 0.1307857931, 0.1599020809, 0.2068412602, -0.5553412437, -0.0536844917, 0.0758557543, -0.2106334567, -0.2509877980, 0.1757438034, 0.2637061775, -0.1759711355, -0.2431350052, 0.1071053818, 0.1259848624, 0.1004033238, 0.0856125653, -0.1173698306, 0.1213828772, -0.1768893301, -0.2070008069, 0.1709136516, 0.2089634240, 0.0153109450, 0.0967332721, 0.1268781722, 0.1706230640, 0.2291058898, -0.6386513710, -0.0536664203, 0.1378114969, 0.0360041447, -0.2989685237, -0.0084722806, 0.1872915775, -0.1523490399, -0.2111770809, -0.0390694551, 0.1366800815, 0.1302325875, 0.1356829405, -0.0982905105, -0.0127884001, -0.3586881459, -0.0259541404, 0.2114149332, 0.2843062580, -0.0324133746, 0.1084750593, 0.1447229236, 0.1862253845, 0.2259712219, -0.6329812407, -0.1173689738, 0.1914442331, 0.1654772907, -0.1376858056, -0.2194855511, 0.1176188141, -0.1529908478, -0.0606661662, -0.3384291232, 0.1524862647, 0.1777049750, 0.2218948901, -0.0923086405, -0.2855934799, -0.3215619624, 0.1726681292, 0.2303666323, 0.2964293361, -0.2508065701, 0.1479703039, 0.1753441393, 0.1917535067, 0.1919818372, -0.4562432170, -0.2350299209, 0.2257601619, 0.1863904297, 0.0388212129, -0.2966264784, 0.0806845874, -0.1992894858, 0.1068909168, -0.5761897564, 0.1624972969, 0.2155302167, 0.2905607820, -0.1168124676, -0.6870660186, 0.1488010883, 0.1881926507, 0.2230074406, 0.2438773215, -0.5771554708, 0.1980127096, 0.1924194694, 0.1714663208, 0.1415647417, -0.1263078004, -0.3408652246, 0.2292248607, 0.1707807332, 0.1269564927, -0.2634142637, 0.0773174241]
    _fn_run_comparison(8, 4, 6, [1, 1, 2, 0, 2, 3, 2, 1, 5, 0, 0, 0, 1, 2, 3, 4], [4, 4], [8, 8, 8, 8], [3, 4, 1, 4], 0, expected_grad_flat)


def test_ctc_loss_grad_empty_target(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    t_size = 3
    n_size = 1
    c_size = 2
    device = device
    logits = TestTensor.from_data(TensorData([0.0] * (t_size * n_size * c_size), [t_size, n_size, c_size]), device).require_grad()
    log_probs = activation.log_softmax(logits, 2)
    targets = TestTensorInt.from_data(TensorData([[0]]), device)
    input_lengths = TestTensorInt.from_data(TensorData([3]), device)
    target_lengths = TestTensorInt.from_data(TensorData([0]), device)
    loss = module.ctc_loss(log_probs, targets, input_lengths, target_lengths, 0).sum()
    grads = loss.backward()
    logits_grad = logits.grad(grads)
    expected = TensorData([-0.5, 0.5, -0.5, 0.5, -0.5, 0.5], [t_size, n_size, c_size])
    logits_grad.into_data().assert_approx_eq(expected, Tolerance.rel_abs(1e-4, 1e-4))


def test_ctc_loss_grad_unreachable_is_finite(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    log_probs = TestTensor.full([2, 1, 3], rmath('ln', 1.0 / 3.0), device).require_grad()
    targets = TestTensorInt.from_data(TensorData([[1, 1]]), device)
    input_lengths = TestTensorInt.from_data(TensorData([2]), device)
    target_lengths = TestTensorInt.from_data(TensorData([2]), device)
    loss = module.ctc_loss(log_probs, targets, input_lengths, target_lengths, 0).sum()
    grads = loss.backward()
    log_probs_grad = log_probs.grad(grads)
    for v in log_probs_grad.into_data().as_numpy().astype('float32').reshape(-1):
        assert_(rfinite(v))


def test_ctc_loss_grad_swap_dims_then_narrow(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    b = 2
    t_full = 8
    warmup = 2
    t_eff = t_full - warmup
    c = 4
    device = device
    data = []
    for bi in range(0, b):
        for ti in range(0, t_full):
            for ci in range(0, c):
                data.append(rmath('sin', (bi * 31 + ti * 7 + ci * 3) * 0.1))
    logits_btc_a = TestTensor.from_data(TensorData(data, [b, t_full, c]), device).require_grad()
    log_probs_a = activation.log_softmax(logits_btc_a, 2).swap_dims(0, 1).narrow(0, warmup, t_eff)
    targets_a = TestTensorInt.from_data(TensorData([[1, 2], [2, 3]]), device)
    input_lengths_a = TestTensorInt.from_data(TensorData([t_eff, t_eff]), device)
    target_lengths_a = TestTensorInt.from_data(TensorData([2, 2]), device)
    loss_a = module.ctc_loss(log_probs_a, targets_a, input_lengths_a, target_lengths_a, 0).sum()
    grads_a = loss_a.backward()
    grad_a = logits_btc_a.grad(grads_a)
    data_tbc = []
    for ti in range(0, t_full):
        for bi in range(0, b):
            for ci in range(0, c):
                data_tbc.append(rmath('sin', (bi * 31 + ti * 7 + ci * 3) * 0.1))
    logits_tbc_b = TestTensor.from_data(TensorData(data_tbc, [t_full, b, c]), device).require_grad()
    log_probs_b = activation.log_softmax(logits_tbc_b, 2).narrow(0, warmup, t_eff)
    targets_b = TestTensorInt.from_data(TensorData([[1, 2], [2, 3]]), device)
    input_lengths_b = TestTensorInt.from_data(TensorData([t_eff, t_eff]), device)
    target_lengths_b = TestTensorInt.from_data(TensorData([2, 2]), device)
    loss_b = module.ctc_loss(log_probs_b, targets_b, input_lengths_b, target_lengths_b, 0).sum()
    grads_b = loss_b.backward()
    grad_b_tbc = logits_tbc_b.grad(grads_b)
    grad_a_data = list(grad_a.into_data().as_numpy().astype('float32').reshape(-1))
    grad_b_data = list(grad_b_tbc.into_data().as_numpy().astype('float32').reshape(-1))
    for bi in range(0, b):
        for ti in range(0, t_full):
            for ci in range(0, c):
                idx_a = (bi * t_full + ti) * c + ci
                idx_b = (ti * b + bi) * c + ci
                diff = abs((grad_a_data[idx_a] - grad_b_data[idx_b]))
                assert_(diff < 1e-3)


def test_ctc_loss_scaled_swap_dims_then_narrow_autodiff(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    b = 2
    t_full = 494
    warmup = 92
    t_eff = t_full - warmup
    c = 36
    device = device
    data_btc = []
    for bi in range(0, b):
        for ti in range(0, t_full):
            for ci in range(0, c):
                data_btc.append(rmath('sin', (bi * 31 + ti * 7 + ci * 3) * 0.1))
    logits_btc_a = TestTensor.from_data(TensorData(data_btc, [b, t_full, c]), device).require_grad()
    log_probs_a = activation.log_softmax(logits_btc_a, 2).swap_dims(0, 1).narrow(0, warmup, t_eff)
    targets_data = [0] * (b * 64)
    for bi in range(0, b):
        max = (64 if bi == 0 else 43)
        for si in range(0, max):
            targets_data[bi * 64 + si] = ((si * 3 + bi * 7) % 35 + 1)
    targets_a = TestTensorInt.from_data(TensorData(targets_data, [b, 64]), device)
    input_lengths_a = TestTensorInt.from_data(TensorData([t_eff, t_eff]), device)
    target_lengths_a = TestTensorInt.from_data(TensorData([64, 43]), device)
    loss_a_per_sample = module.ctc_loss(log_probs_a, targets_a, input_lengths_a, target_lengths_a, 0)
    loss_a_vec = list(loss_a_per_sample.into_data().as_numpy().astype('float32').reshape(-1))
    data_tbc = []
    for ti in range(0, t_full):
        for bi in range(0, b):
            for ci in range(0, c):
                data_tbc.append(rmath('sin', (bi * 31 + ti * 7 + ci * 3) * 0.1))
    logits_tbc_b = TestTensor.from_data(TensorData(data_tbc, [t_full, b, c]), device)
    log_probs_b = activation.log_softmax(logits_tbc_b, 2).narrow(0, warmup, t_eff)
    targets_b = TestTensorInt.from_data(TensorData(targets_data, [b, 64]), device)
    input_lengths_b = TestTensorInt.from_data(TensorData([t_eff, t_eff]), device)
    target_lengths_b = TestTensorInt.from_data(TensorData([64, 43]), device)
    loss_b_per_sample = module.ctc_loss(log_probs_b, targets_b, input_lengths_b, target_lengths_b, 0)
    loss_b_vec = list(loss_b_per_sample.into_data().as_numpy().astype('float32').reshape(-1))
    for i in range(0, b):
        assert_(loss_a_vec[i] > 0.0)
        assert_(abs((loss_a_vec[i] - loss_b_vec[i])) < 1.0)

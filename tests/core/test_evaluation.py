import pytest

from bot.core.evaluation import score


def test_macro_f1_over_gold_labels_including_abstention():
    gold = ["a", "a", "b", None, None]
    predicted = ["a", "b", "b", None, "a"]
    report = score(gold, predicted)
    by_label = {s.label: s for s in report.labels}
    assert set(by_label) == {"a", "b", None}
    assert by_label["a"].precision == pytest.approx(0.5)
    assert by_label["a"].recall == pytest.approx(0.5)
    assert by_label["b"].f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert by_label[None].f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)
    assert report.macro_f1 == pytest.approx((0.5 + 2 / 3 + 2 / 3) / 3)
    assert report.accuracy == pytest.approx(3 / 5)
    assert report.confusion["a"] == {"a": 1, "b": 1}


def test_predicted_only_labels_do_not_enter_the_macro_average():
    report = score([True, True], [True, False])
    assert [s.label for s in report.labels] == [True]
    assert report.macro_f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_lengths_must_agree():
    with pytest.raises(ValueError):
        score(["a"], [])

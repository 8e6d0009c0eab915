"""``geo where``: the cheap test before the edit count never drops a near name (issue 14)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.where import allowed_slips, edit_distance, may_be_near

_WORDS = st.text(alphabet="aeiouksvdzhyрусджа -", max_size=14)


@settings(max_examples=500, deadline=None)
@given(_WORDS, _WORDS)
def test_issue_14_a_form_within_the_slips_is_never_skipped(query, form):
    """``may_be_near`` is a bound: it may keep a far form, never drop a near one."""
    limit = allowed_slips(query)
    if edit_distance(query, form, limit) <= limit:
        assert may_be_near(frozenset(query), form, limit)


def test_issue_14_the_test_skips_far_forms():
    """It must skip something, or it saves nothing: most names are far from a query."""
    forms = ["kursk", "sudzha", "korenevo", "plekhovo", "makhnovka", "aleksandrovka", "glushkovo", "rylsk"]
    kept = [form for form in forms if may_be_near(frozenset("sudja"), form, allowed_slips("sudja"))]
    assert kept == ["sudzha"]

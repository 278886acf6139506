"""Every user text in the HTML report is escaped: a corpus of injection payloads."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from vbwizard.demo import demo_session
from vbwizard.reports import render_report
from vbwizard.session.models import Participant, SourceEntry

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '"><script>alert(1)</script>',
    "'><iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    "<style>@import 'http://evil.example/x.css';</style>",
    "<link rel=stylesheet href=http://evil.example/x.css>",
    "</textarea><script>alert(1)</script>",
    "<!--",
    "]]><script>alert(1)</script>",
    "<body onload=alert(1)>",
    "<meta http-equiv=refresh content='0;url=http://evil.example'>",
    "&lt;script&gt;",
]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.text.append(data)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_in_every_field_is_shown_as_text_never_as_markup(bank, payload):
    session = demo_session(bank)
    session.scope.title = payload
    session.scope.area = payload
    session.scope.facilitator = payload
    session.scope.participants = [
        Participant(id="p1", name=payload),
        Participant(id="p2", name="Bram"),
    ]
    session.scope.trigger = payload
    session.sources.append(SourceEntry(name=payload, finding=payload))
    session.problem.who = payload
    first = bank.factors[0].id
    session.factors[first].notes = payload
    session.factors[first].citizen_view = payload
    session.factors[first].participant_weights = {"p1": 3, "p2": 1}
    session.priorities[0].reason = payload
    session.goal.text = payload
    session.actions[0].title = payload
    session.actions[0].owner = payload
    session.actions[0].indicator = payload

    html = render_report(bank, session, "html").decode("utf-8")
    page = _Collector()
    page.feed(html)
    assert not {"script", "iframe", "img", "link", "object", "embed", "style"} & set(page.tags) - {
        "style"  # the report's own inline stylesheet (one, in the head)
    }
    assert page.tags.count("style") == 1 and page.tags.count("body") == 1
    assert not any(name.startswith("on") for name, _ in page.attrs), "event handler attribute"
    assert not any(
        (value or "").strip().lower().startswith("javascript:") for _, value in page.attrs
    )
    assert not any("evil.example" in (value or "") for _, value in page.attrs)
    assert ("http-equiv", "refresh") not in page.attrs
    # The user sees exactly what was typed.
    assert payload in "".join(page.text)

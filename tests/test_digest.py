"""The daily digest: figures gathered from the archive, the page escapes post text, an
empty day still makes an informative page, the summary goes out once through the outbox,
and `civmon digest` writes the file."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from click.testing import CliRunner

from alerts.digest import gather, notify_digest, run_daily_digest, write_digest
from alerts.digest.terms import top_terms
from alerts.notifiers import FileNotifier, SlackWebhookNotifier
from alerts.outbox import deliver_pending
from civmon.cli import cli
from civmon.config import parse_config
from storage import Post, store_posts
from storage.models import ClassificationRow, IncidentRow, PostRow
from tests.fakes.slack import FakeSlack

DAY = date(2026, 10, 14)
EVIL = '<script>alert(1)</script> "quoted" & <img src=x onerror=alert(2)>'

ISSUES = ["The transit levy would fund buses in Port Ellis",
          "Teacher pay is too low; Hale voted against SB 114",
          "Water rights in the Tillman Valley matter for farms",
          "Prop 12 transit levy raises fares for commuters"]


def _post(i: int, day: date, platform: str, text: str, author: str,
          tags: tuple[str, ...] = ("#CalderDecides",)) -> Post:
    created = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(minutes=7 * i)
    return Post(platform=platform, native_id=f"{day}-{i}", author_handle=author, text=text,
                created_at=created, collector="test", collector_version="1",
                url=f"https://{platform}.example/{day}/{i}", hashtags=tags)


def seed(archive, *, days: int = 8, attacks_today: int = 12) -> None:
    """Previous days: 10% attacks; DAY: `attacks_today` attacks of 40, one incident."""
    with archive.session() as s:
        for back in range(days):
            day = DAY - timedelta(days=back)
            attacks = attacks_today if back == 0 else 2
            posts = []
            for i in range(40 if back == 0 else 20):
                if i < attacks:
                    label, target, text = "attack", "@PriyaRamanCM", f"Priya Raman is a fraud #{i}"
                    if back == 0 and i == 0:
                        text = EVIL
                elif i < attacks + 16:
                    label, target, text = "substantive", None, ISSUES[i % len(ISSUES)]
                else:
                    label, target, text = "other", None, "nice weather at the rally"
                platform = "x" if i % 3 else "bluesky"
                tags = ("#CalderDecides", "#whitfield2026") if i % 2 else ("#Whitfield2026",)
                posts.append((_post(i, day, platform, text, f"user{i % 9}", tags), label, target))
            store_posts(s, [p for p, _, _ in posts])
            s.flush()
            ids = {n: i for n, i in s.query(PostRow.native_id, PostRow.id)}
            for post, label, target in posts:
                s.add(ClassificationRow(post_id=ids[post.native_id], model_version="m1",
                                        label="other" if label == "attack" else label,
                                        scores={}, target=None))
                s.add(ClassificationRow(post_id=ids[post.native_id], model_version="m2",
                                        label=label, scores={label: 0.9}, target=target,
                                        attack_sentence=post.text if target else None))
        opened = datetime.combine(DAY, datetime.min.time(), tzinfo=UTC) + timedelta(hours=1)
        s.add(IncidentRow(target="@PriyaRamanCM", kind="pileon", severity=2, opened_at=opened,
                          updated_at=opened + timedelta(hours=1), attackers=9, attack_posts=12,
                          platforms=["x", "bluesky"]))


def test_gather_counts_the_day_with_latest_labels(archive) -> None:
    seed(archive)
    data = gather(archive, DAY)
    assert data.total_posts == 40
    assert dict(data.by_platform) == {"x": 26, "bluesky": 14}
    assert dict(data.by_hashtag) == {"#whitfield2026": 40, "#calderdecides": 20}
    assert [d.day for d in data.history] == [DAY - timedelta(days=7 - i) for i in range(8)]
    assert (data.today.attack, data.today.substantive, data.today.other) == (12, 16, 12)
    assert data.previous_attack_share == 0.1  # the m2 labels, not the older m1 ones
    assert data.targets[0].target == "@PriyaRamanCM" and data.targets[0].attacks == 12
    assert data.targets[0].authors == 9
    (incident,) = data.incidents
    assert incident.target == "@PriyaRamanCM" and len(incident.posts) == 3
    assert incident.posts[0][1].startswith("https://")
    assert data.terms[0][0] == "transit levy"


def test_page_escapes_post_text_and_links_only_http(sqlite_archive, tmp_path: Path) -> None:
    seed(sqlite_archive)
    with sqlite_archive.session() as s:
        s.query(PostRow).filter(PostRow.text == EVIL).update({"url": "javascript:alert(3)"})
    summary = write_digest(sqlite_archive, DAY, tmp_path / "d.html")
    html = (tmp_path / "d.html").read_text()
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<svg" in html and len(re.findall(r'<rect class="bar ', html)) == 8 * 3
    assert 'href="https://x.example/' in html
    assert "up 20 pts vs previous 7 days (10%)" in html
    assert summary.attack_share == 0.3 and summary.incidents == 1
    assert summary.top_targets == [("@PriyaRamanCM", 12)]
    assert "cdn" not in html.lower() and "<script" not in html


def test_empty_day_is_informative(sqlite_archive, tmp_path: Path) -> None:
    seed(sqlite_archive, days=3)
    summary = write_digest(sqlite_archive, DAY + timedelta(days=1), tmp_path / "e.html")
    html = (tmp_path / "e.html").read_text()
    assert summary.total_posts == 0 and summary.attack_share == 0.0
    assert 'id="empty-day"' in html and "No pile-ons or floods" in html
    assert "no data" in html  # today's bar is marked, previous days still drawn
    assert len(re.findall(r'<rect class="bar ', html)) == 3 * 3


def test_totally_empty_archive(sqlite_archive, tmp_path: Path) -> None:
    summary = write_digest(sqlite_archive, DAY, tmp_path / "z.html")
    assert summary.total_posts == 0
    assert "no comparison" in (tmp_path / "z.html").read_text()


def test_terms_prefer_phrases_and_skip_stopwords() -> None:
    terms = dict(top_terms(ISSUES * 2 + ["the the and of @someone https://a.example"]))
    assert "transit levy" in terms and "transit" not in terms and "the" not in terms
    assert not any("example" in t or "someone" in t for t in terms)


def test_summary_goes_out_once_per_channel(sqlite_archive, tmp_path: Path) -> None:
    seed(sqlite_archive, days=2)
    config = parse_config({"digest": {"out_dir": str(tmp_path / "digests")}}, base_dir=tmp_path)
    with FakeSlack() as slack:
        notifiers = {"slack": SlackWebhookNotifier(slack.webhook_url),
                     "file": FileNotifier(tmp_path / "alerts.jsonl")}
        now = datetime.combine(DAY + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
        summary = run_daily_digest(sqlite_archive, config, notifiers, now=now + timedelta(hours=7))
        assert notify_digest(sqlite_archive, summary, notifiers) == 0  # already queued
        assert deliver_pending(sqlite_archive, notifiers).sent == 2
        assert deliver_pending(sqlite_archive, notifiers).sent == 0
    assert Path(summary.html_path or "").name == f"digest-{DAY}.html"
    (message,) = slack.messages
    assert f"Daily digest for {DAY}" in message.text
    body = json.dumps(message.blocks)
    assert "30%" in body and "@PriyaRamanCM (12)" in body and "transit levy" in body
    line = json.loads((tmp_path / "alerts.jsonl").read_text())
    assert line["dedupe_key"] == f"file:digest:{DAY}"


def test_cli_writes_the_digest(tmp_path: Path) -> None:
    (tmp_path / "config.yaml").write_text("alerts:\n  channels:\n    console: true\n")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    out = tmp_path / "out" / "d.html"
    result = CliRunner().invoke(cli, ["digest", "--config", str(tmp_path / "config.yaml"),
                                      "--db", db, "--date", "2026-10-14", "--out", str(out),
                                      "--notify"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "wrote" in result.output
    assert "digest 2026-10-14: 0 posts" in result.output  # the console channel
    assert "sent 1" in result.output


def test_cli_rejects_a_bad_date(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["digest", "--date", "14/10/2026"])
    assert result.exit_code == 2
    assert "'14/10/2026' does not match the format '%Y-%m-%d'" in result.output


def test_scheduled_digest_runs_once_after_time_of_day(sqlite_archive, tmp_path: Path) -> None:
    from alerts.digest import maybe_run_daily_digest

    config = parse_config({"digest": {"time_of_day": "07:00", "out_dir": "d"}}, base_dir=tmp_path)
    channels = {"file": FileNotifier(tmp_path / "a.jsonl")}
    morning = datetime(2026, 10, 15, 6, 59, tzinfo=UTC)
    assert maybe_run_daily_digest(sqlite_archive, config, channels, morning) is None
    first = maybe_run_daily_digest(sqlite_archive, config, channels, morning.replace(hour=7))
    again = maybe_run_daily_digest(sqlite_archive, config, channels, morning.replace(hour=9))
    assert first is not None and first.day == "2026-10-14" and again is None
    assert (tmp_path / "d" / "digest-2026-10-14.html").is_file()


def test_targets_insulted_by_name_only_say_so() -> None:
    from alerts.events import shown_target

    assert shown_target("name:Nadia Khalil") == "Nadia Khalil (by name)"
    assert shown_target("@PriyaRamanCM") == "@PriyaRamanCM"
    assert shown_target("group:hale voters") == "group:hale voters"
    assert shown_target(None) == "(no target named)"

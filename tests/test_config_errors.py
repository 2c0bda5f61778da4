"""Config errors name the key's dotted path; secrets are masked; user errors never print a
traceback (click's runner on civmon.cli.cli)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner, Result

from civmon.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def config_file(tmp_path: Path, document: object) -> str:
    path = tmp_path / "config.yaml"
    path.write_text(document if isinstance(document, str) else yaml.safe_dump(document))
    return str(path)


def assert_clean_failure(result: Result, code: int | None = None) -> None:
    """Failed with a message, through SystemExit, without a traceback."""
    assert result.exit_code != 0
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if code is not None:
        assert result.exit_code == code


@pytest.mark.parametrize(
    ("document", "path", "words"),
    [
        ({"sources": {"x": {"page_size": "many"}}}, "sources.x.page_size", "integer"),
        ({"sources": {"x": {"page_size": 5}}}, "sources.x.page_size", "greater than or equal"),
        ({"alerts": {"rules": {"windw_minutes": 5}}}, "alerts.rules.windw_minutes",
         "allowed here: window_minutes"),
        ({"campaigns": [{"name": "Whitfield", "hashtags": []}]}, "campaigns[0].hashtags",
         "at least 1"),
        ({"campaigns": [{"name": "W", "hashtags": ["#CalderDecides"],
                         "accounts": [{"handle": "@DanaWhitfield"},
                                      {"handle": "@rachelkim_news", "role": "pundit"}]}]},
         "campaigns[0].accounts[1].role", "candidate"),
        ({"storage": {"retention_days": 0}}, "storage.retention_days", "greater than"),
        ({"digest": {"time_of_day": "25:00"}}, "digest.time_of_day", "pattern"),
        ({"missing_env": []}, "missing_env", "unknown key"),
        ({"storag": {}}, "storag", "allowed here: campaigns"),
    ],
)
def test_config_errors_name_the_dotted_path(
    tmp_path: Path, document: dict, path: str, words: str
) -> None:
    result = run("config", "check", "--config", config_file(tmp_path, document))
    assert_clean_failure(result, code=2)
    problem = next(line for line in result.output.splitlines() if line.strip().startswith(path))
    assert words in problem


def test_unset_environment_variable_names_path_and_variable(tmp_path: Path) -> None:
    document = {"sources": {"x": {"enabled": True, "bearer_token": "${X_BEARER_TOKEN}"}}}
    result = run("config", "check", "--config", config_file(tmp_path, document))
    assert_clean_failure(result, code=2)
    assert "sources.x.bearer_token: environment variable X_BEARER_TOKEN is not set" in result.output


def test_disabled_source_may_leave_its_secret_unset() -> None:
    result = run("config", "check", "--config", str(ROOT / "config.yaml"))
    assert result.exit_code == 0, result.output


def test_config_show_masks_every_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("X_BEARER_TOKEN", "AAAA-super-secret-bearer")
    monkeypatch.setenv("SLACK_WEBHOOK_URL", "https://hooks.slack.test/T000/B000/secretpath")
    result = run("config", "show", "--config", str(ROOT / "config.yaml"))
    assert result.exit_code == 0, result.output
    assert "super-secret" not in result.output and "secretpath" not in result.output
    shown = yaml.safe_load(result.output)
    assert shown["sources"]["x"]["bearer_token"] == "**********"
    assert shown["alerts"]["channels"]["slack_webhook_url"] == "**********"


@pytest.mark.parametrize(
    "args",
    [
        ["config", "check", "--config", "{missing}"],
        ["config", "check", "--config", "{bad_yaml}"],
        ["stats", "--config", "{good}", "--db", "not a url"],
        ["stats", "--config", "{good}", "--db", "postgresql://civmon:hunter2@127.0.0.1:1/civmon"],
        ["ingest", "{tmp}/no-such-file.jsonl", "--config", "{good}", "--db", "sqlite:///{tmp}/a.db"],
        ["ingest", "{good}", "--map", "handle=user", "--config", "{good}"],
        ["export", "--since", "last tuesday", "--config", "{good}", "--db", "sqlite:///{tmp}/a.db"],
        ["export", "--pseudonymize", "--config", "{good}", "--db", "sqlite:///{tmp}/a.db"],
        ["export", "--format", "xml", "--config", "{good}"],
        ["export", "-o", "{tmp}/no/such/folder/x.jsonl", "--config", "{good}",
         "--db", "sqlite:///{tmp}/a.db"],
        ["ingest", "{tmp}", "--config", "{good}", "--db", "sqlite:///{tmp}/a.db"],
    ],
)
def test_user_errors_print_a_message_not_a_traceback(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "bad.yaml").write_text("sources:\n  x: [unclosed\n")
    names = {"missing": str(tmp_path / "nope.yaml"), "bad_yaml": str(tmp_path / "bad.yaml"),
             "good": str(ROOT / "config.yaml"), "tmp": str(tmp_path)}
    result = run(*(a.format(**names) for a in args))
    assert_clean_failure(result)
    assert "hunter2" not in result.output
    assert result.output.strip(), "an error must say something"

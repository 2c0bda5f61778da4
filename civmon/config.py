"""One typed model of config.yaml, validated once at start-up.

Secrets are written in the file as `${ENV_VAR}` (or `${ENV_VAR:-default}`) and resolved
from the environment here and nowhere else. Resolved secrets are pydantic `SecretStr`s, so
they never show in a repr, a log line or `civmon config show`.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from civmon.errors import ConfigError
from storage.handles import account_handle, bare_handle

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}")


class _Strict(BaseModel):
    """Base for every section: an unknown key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


# --- campaigns -------------------------------------------------------------------------


class WatchedAccount(_Strict):
    handle: str = Field(pattern=r"^@?[A-Za-z0-9_.\-]+$")
    aliases: list[str] = []
    role: Literal["candidate", "staff", "journalist", "volunteer", "other"] = "other"


class Campaign(_Strict):
    name: str
    hashtags: list[str] = Field(min_length=1)
    accounts: list[WatchedAccount] = []


# --- sources ---------------------------------------------------------------------------


class _Source(_Strict):
    enabled: bool = False
    poll_interval_seconds: int = Field(default=60, ge=1)


class XSource(_Source):
    base_url: str = "https://api.twitter.com"
    bearer_token: SecretStr | None = None
    page_size: int = Field(default=100, ge=10, le=100)
    timeout_seconds: float = Field(default=30.0, gt=0)


class RedditSource(_Source):
    oauth_url: str = "https://oauth.reddit.com"
    reddit_url: str = "https://www.reddit.com"
    client_id: SecretStr | None = None
    client_secret: SecretStr | None = None
    user_agent: str = "civmon/0.1 (self-hosted civility monitor)"
    subreddits: list[str] = ["all"]
    timeout_seconds: float = Field(default=30.0, gt=0)


class BlueskySource(_Source):
    base_url: str = "https://bsky.social/xrpc"
    handle: SecretStr | None = None
    app_password: SecretStr | None = None
    timeout_seconds: float = Field(default=30.0, gt=0)


class MastodonSource(_Source):
    instances: list[str] = ["https://mastodon.social"]
    access_token: SecretStr | None = None
    timeout_seconds: float = Field(default=30.0, gt=0)


class FilesSource(_Source):
    folder: str = "./inbox"


class Sources(_Strict):
    x: XSource = XSource()
    reddit: RedditSource = RedditSource()
    bluesky: BlueskySource = BlueskySource()
    mastodon: MastodonSource = MastodonSource()
    files: FilesSource = FilesSource()


# --- classifier, alerts, storage, digest ----------------------------------------------


class ClassifierThresholds(_Strict):
    attack: float = Field(default=0.5, ge=0.0, le=1.0)


class ClassifierConfig(_Strict):
    # None: the model shipped with civmon (classifiers/model in the installed package).
    model_path: str | None = None
    # Posts read, labelled and written per database round trip (`classify --pending` and
    # the service); the model batches them by length inside.
    batch_size: int = Field(default=256, ge=1)
    thresholds: ClassifierThresholds = ClassifierThresholds()


class AlertRules(_Strict):
    window_minutes: int = Field(default=30, ge=1)
    min_distinct_attackers: int = Field(default=5, ge=2)
    rate_multiplier: float = Field(default=2.5, gt=1.0)
    baseline_floor_per_hour: float = Field(default=2.0, gt=0.0)
    quiet_minutes_to_resolve: int = Field(default=60, ge=1)
    # ... or quiet enough relative to the incident's own peak (attacks per window_minutes).
    resolve_below_peak_share: float = Field(default=0.15, ge=0.0, le=1.0)
    flood_min_posts: int = Field(default=10, ge=2)
    # Pile-on evidence (see alerts/detector.py): windows looked at, how improbable the
    # count must be under the target's own baseline, the attack share of the traffic
    # addressed to the target, and growth of the window over the one before it.
    detect_windows_minutes: list[int] = Field(default=[10, 30, 90], min_length=1)
    max_poisson_p: float = Field(default=2e-4, gt=0.0, lt=1.0)
    # ... for a target expected at no more than the floor: the floor overstates its rate.
    quiet_max_poisson_p: float = Field(default=1e-3, gt=0.0, lt=1.0)
    min_attack_share: float = Field(default=0.35, ge=0.0, le=1.0)
    growth_ratio: float = Field(default=1.3, ge=0.0)
    per_author_cap: int = Field(default=2, ge=1)
    baseline_halflife_minutes: float = Field(default=240.0, gt=0.0)
    warmup_minutes: int = Field(default=60, ge=0)
    severity_steps: list[int] = Field(default=[15, 40, 100])
    peer_min_per_hour: float = Field(default=6.0, gt=0.0)
    # A busy target must outpace busy peers that surge too (binomial tail, see detector).
    peer_max_p: float = Field(default=1e-3, gt=0.0, le=1.0)
    # All posts at this many times their usual rate: peers' surge taken as estimated.
    peer_night_surge: float = Field(default=1.6, gt=0.0)
    # A reply or mention the classifier scored at least this likely an attack counts as
    # one while its addressee is under fire (see alerts/replay.py); 1.0: never.
    under_fire_attack_score: float = Field(default=0.35, ge=0.0, le=1.0)


class AlertChannels(_Strict):
    console: bool = True
    file: str | None = None
    slack_webhook_url: SecretStr | None = None
    slack_bot_token: SecretStr | None = None
    slack_channel: str | None = None
    slack_base_url: str | None = None
    webhook_url: SecretStr | None = None
    smtp_url: SecretStr | None = None
    email_to: list[str] = []


class AlertsConfig(_Strict):
    rules: AlertRules = AlertRules()
    channels: AlertChannels = AlertChannels()


class StorageConfig(_Strict):
    database_url: str = "sqlite:///civmon.db"
    # Posts older than this many days are deleted by the service; None keeps them forever.
    retention_days: int | None = Field(default=None, ge=1)


class DigestConfig(_Strict):
    time_of_day: str = Field(default="07:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    out_dir: str = "digests"
    recipients: list[str] = []
    # IANA zone whose calendar days the digest covers, and of time_of_day.
    timezone: str = "UTC"

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r}; use an IANA name such as "
                             "'America/Los_Angeles' or 'UTC'") from None
        return value

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Config(_Strict):
    campaigns: list[Campaign] = []
    sources: Sources = Sources()
    classifier: ClassifierConfig = ClassifierConfig()
    alerts: AlertsConfig = AlertsConfig()
    storage: StorageConfig = StorageConfig()
    digest: DigestConfig = DigestConfig()

    # (dotted path, variable) of every ${VAR} that was not set in the environment.
    missing_env: list[tuple[str, str]] = Field(default=[], exclude=True)
    # Where the file was read from; relative paths in the config are relative to it.
    base_dir: Path = Field(default=Path("."), exclude=True)

    def resolve_path(self, value: str) -> Path:
        """A path from the config, relative to the config file's folder."""
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.base_dir / path

    def model_dir(self) -> Path | None:
        """The configured classifier directory, or None for the shipped model."""
        path = self.classifier.model_path
        return self.resolve_path(path) if path else None

    def missing_for(self, prefix: str) -> list[tuple[str, str]]:
        """Unset environment variables referenced under one section, e.g. 'sources.x'."""
        return [(p, v) for p, v in self.missing_env if p == prefix or p.startswith(prefix + ".")]

    def watched_aliases(self) -> dict[str, str]:
        """Alias (lower-case) -> canonical handle, for every watched account."""
        table: dict[str, str] = {}
        for campaign in self.campaigns:
            for account in campaign.accounts:
                handle = account_handle(account.handle)
                for alias in [*account.aliases, bare_handle(handle)]:
                    table[alias.lower()] = handle
        return table

    def enabled_problems(self) -> list[tuple[str, str]]:
        """Missing environment variables in enabled sections: what `config check` reports."""
        problems = []
        for name in Sources.model_fields:
            if getattr(self.sources, name).enabled:
                problems += self.missing_for(f"sources.{name}")
        problems += self.missing_for("alerts")
        return [(p, f"environment variable {v} is not set") for p, v in problems]


def _substitute(node: Any, path: str, missing: list[tuple[str, str]]) -> Any:
    """Replace ${VAR} references in every string; record unset ones, leave them None."""
    if isinstance(node, dict):
        return {
            k: _substitute(v, f"{path}.{k}" if path else str(k), missing) for k, v in node.items()
        }
    if isinstance(node, list):
        return [_substitute(v, f"{path}[{i}]", missing) for i, v in enumerate(node)]
    if not isinstance(node, str) or "${" not in node:
        return node
    unresolved: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name, default = match.group(1), match.group(2)
        value = os.environ.get(name)
        if value is None and default is None:
            unresolved.append(name)
            return ""
        return value if value is not None else default or ""

    result = _ENV_REF.sub(replace, node)
    if unresolved:
        missing.extend((path, name) for name in unresolved)
        return None
    return result or None


def _location(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _hint(error: Any, model_fields: dict[str, list[str]]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _location(error["loc"][:-1])
        allowed = model_fields.get(parent)
        return "unknown key" + (f"; allowed here: {', '.join(allowed)}" if allowed else "")
    given = error.get("input")
    shown = "" if isinstance(given, dict | list) else f" (got {given!r})"
    return f"{error['msg']}{shown}"


def _allowed_keys(model: type[BaseModel], prefix: str = "") -> dict[str, list[str]]:
    """Dotted section path -> its allowed keys, for 'unknown key' hints."""
    table = {prefix: [n for n, f in model.model_fields.items() if not f.exclude]}
    for name, field in model.model_fields.items():
        ann = field.annotation
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            table.update(_allowed_keys(ann, f"{prefix}.{name}" if prefix else name))
    return table


def parse_config(raw: Any, source: str = "config.yaml", base_dir: Path = Path(".")) -> Config:
    """Validate an already-loaded YAML document into a Config, or raise ConfigError."""
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError([("(top level)", "expected a mapping of sections")], source)
    missing: list[tuple[str, str]] = []
    resolved = _substitute(raw, "", missing)
    for reserved in ("missing_env", "base_dir"):
        if reserved in resolved:
            raise ConfigError([(reserved, "unknown key")], source)
    try:
        config = Config.model_validate(resolved)
    except ValidationError as exc:
        keys = _allowed_keys(Config)
        problems = [(_location(e["loc"]) or "(top level)", _hint(e, keys)) for e in exc.errors()]
        raise ConfigError(problems, source) from None
    config.missing_env = missing
    config.base_dir = base_dir
    return config


def load_config(path: str | Path) -> Config:
    """Read and validate config.yaml. A missing file, bad YAML or bad value -> ConfigError."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            [("(file)", f"no such file; pass --config PATH or create {path}")], str(path)
        ) from None
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        problem = f"not valid YAML: {getattr(exc, 'problem', exc)}"
        raise ConfigError([(where, problem)], str(path)) from None
    return parse_config(raw, str(path), path.resolve().parent)


def masked_dump(config: Config) -> dict[str, Any]:
    """The config as plain data with every secret masked, for `civmon config show`."""
    return config.model_dump(mode="json")

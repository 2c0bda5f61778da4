"""What every command needs: the validated config and the archive, opened lazily once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from civmon.config import Config, load_config
from storage import Archive, open_archive


@dataclass
class App:
    """The context one CLI command runs in: `--config` and `--db` resolved."""

    config_path: Path
    db_override: str | None = None
    _config: Config | None = field(default=None, repr=False)
    _archive: Archive | None = field(default=None, repr=False)

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config

    @property
    def database_url(self) -> str:
        return self.db_override or self.config.storage.database_url

    @property
    def archive(self) -> Archive:
        """The archive, created and migrated on first use."""
        if self._archive is None:
            self._archive = open_archive(self.database_url)
        return self._archive

    def close(self) -> None:
        if self._archive is not None:
            self._archive.dispose()
            self._archive = None

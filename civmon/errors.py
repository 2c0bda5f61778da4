"""The app's exception root.

    CivmonError            anything the CLI should print as a clean message, not a traceback
     └── ConfigError       config.yaml is invalid: carries the dotted key path and a hint

Errors from the other packages (storage.StorageError, collectors.CollectorError,
classifiers.ClassifierError, alerts.AlertError) are turned into clean CLI errors in
civmon.cli as well.
"""

from __future__ import annotations


class CivmonError(Exception):
    """An error meant for the user: a message, an optional hint and an exit code."""

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if not self.hint else f"{self.message}\n  hint: {self.hint}"


class ConfigError(CivmonError):
    """config.yaml failed validation. `problems` lists (dotted path, message) pairs."""

    exit_code = 2

    def __init__(self, problems: list[tuple[str, str]], source: str = "config.yaml") -> None:
        self.problems = problems
        lines = [f"{source}: {len(problems)} problem(s)"]
        lines += [f"  {path}: {msg}" for path, msg in problems]
        super().__init__("\n".join(lines))

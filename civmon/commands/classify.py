"""CLI commands of the classifier: classify, evaluate, train, feedback.

The command-line contract (kept stable):
  civmon classify [FILE|-]   JSONL (a `text` field; other fields kept) or plain text lines
                             -> one JSON object a line: input fields + label, scores, target
  civmon classify --pending / --rescore   label archive posts with the current model
  civmon evaluate FILE [--json]           per-class P/R/F1, macro-F1, confusion, worst errors,
                                          and the TF-IDF + LR baseline on the same data
  civmon train                            fine-tune, export and document a new model
  civmon feedback POST_ID LABEL           store a human correction for retraining
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import IO, Any

import click

from civmon.app import App
from civmon.cli import pass_app
from civmon.errors import CivmonError, ConfigError
from classifiers.labels import LABELS


def _config_or_none(app: App) -> Any:
    """The config when config.yaml exists and is valid; classify works without one."""
    try:
        return app.config
    except ConfigError:
        if app.config_path.exists():
            raise
        return None


def _open_model(app: App, model_path: Path | None) -> Any:
    from classifiers.predict import load_model

    if model_path:
        return load_model(model_path)
    config = _config_or_none(app)
    if config is not None:
        return load_model(config.model_dir())
    return load_model()


def read_records(stream: IO[str]) -> list[dict[str, Any]]:
    """JSON objects with a `text` field, or plain text lines (each becomes {"text": line})."""
    records = []
    for number, line in enumerate(stream, 1):
        line = line.rstrip("\n")
        if not line.strip():
            continue
        if line.lstrip().startswith("{"):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise CivmonError(
                    f"line {number}: not valid JSON ({exc.msg})",
                    "give JSONL with a text field, or plain text lines",
                ) from None
            if not isinstance(record.get("text"), str):
                raise CivmonError(f"line {number}: no text field", 'each object needs "text"')
            records.append(record)
        else:
            records.append({"text": line})
    return records


def classify_records(
    model: Any, records: list[dict[str, Any]], aliases: dict[str, str], threshold: float | None
) -> list[dict[str, Any]]:
    """The contract's output objects: input fields + label, scores, target."""
    from classifiers.predict import decide
    from classifiers.targets import find_target

    out = []
    scores = model.predict([r["text"] for r in records])
    for record, score in zip(records, scores, strict=True):
        label = decide(score, threshold)
        target = None
        if label == "attack":
            mentions = record.get("mentions") or ()
            found = find_target(
                record["text"],
                record.get("author_handle") or record.get("author"),
                record.get("reply_to"),
                mentions if isinstance(mentions, list) else (),
                aliases,
            )
            target = found.value if found else None
        out.append(
            {
                **record,
                "label": label,
                "scores": {k: round(v, 6) for k, v in score.items()},
                "target": target,
            }
        )
    return out


def _classify_archive(app: App, model_path: Path | None, rescore: bool, limit: int | None) -> None:
    from civmon.labelling import classify_pending

    model = _open_model(app, model_path)
    config = app.config
    count = classify_pending(
        app.archive,
        model,
        aliases=config.watched_aliases(),
        attack_threshold=config.classifier.thresholds.attack,
        rescore=rescore,
        limit=limit,
        batch_size=config.classifier.batch_size,
    )
    what = "relabelled" if rescore else "labelled"
    click.echo(f"{what} {count} post(s) with {model.version}", err=True)


def register(cli: click.Group) -> None:
    """Add this area's commands to the top-level group."""

    @cli.command("classify")
    @click.argument("source", required=False, type=click.Path(allow_dash=True, path_type=Path))
    @click.option("--pending", is_flag=True, help="Label archive posts that have no label yet.")
    @click.option("--rescore", is_flag=True, help="Relabel archive posts with the current model.")
    @click.option(
        "--limit", type=int, default=None, help="With --pending/--rescore: at most N posts."
    )
    @click.option(
        "--model",
        "model_path",
        type=click.Path(path_type=Path),
        default=None,
        help="Model directory (default: classifier.model_path, else the shipped model).",
    )
    @click.option("-o", "--output", type=click.File("w"), default="-", help="Where to write JSONL.")
    @pass_app
    def classify(
        app: App,
        source: Path | None,
        pending: bool,
        rescore: bool,
        limit: int | None,
        model_path: Path | None,
        output: IO[str],
    ) -> None:
        """Label posts as attack, substantive or other, with scores and the target.

        Reads FILE (or - for stdin): JSONL with a "text" field, or plain text lines.
        Writes one JSON object a line: the input fields plus label, scores, target.
        """
        if pending or rescore:
            if source is not None or (pending and rescore):
                raise click.UsageError("use either FILE, --pending or --rescore")
            _classify_archive(app, model_path, rescore, limit)
            return
        stream = sys.stdin if source is None or str(source) == "-" else _open_text(source)
        records = read_records(stream)
        config = _config_or_none(app)
        aliases = config.watched_aliases() if config else {}
        threshold = config.classifier.thresholds.attack if config else None
        model = _open_model(app, model_path)
        for row in classify_records(model, records, aliases, threshold):
            output.write(json.dumps(row, ensure_ascii=False) + "\n")

    @cli.command("evaluate")
    @click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
    @click.option(
        "--model",
        "model_path",
        type=click.Path(path_type=Path),
        default=None,
        help="Model directory (default: classifier.model_path, else the shipped model).",
    )
    @click.option("--json", "as_json", is_flag=True, help="Print one JSON object for machines.")
    @click.option(
        "--errors",
        "n_errors",
        type=int,
        default=10,
        show_default=True,
        help="How many of the worst errors to show.",
    )
    @click.option("--no-baseline", is_flag=True, help="Skip the TF-IDF + LR baseline.")
    @pass_app
    def evaluate(
        app: App,
        file: Path,
        model_path: Path | None,
        as_json: bool,
        n_errors: int,
        no_baseline: bool,
    ) -> None:
        """Score the model on FILE (JSONL with text and label) against the baseline."""
        from classifiers.training.evaluate import evaluate_file, format_evaluation

        model = _open_model(app, model_path)
        result = evaluate_file(model, file, n_errors=n_errors, baseline=not no_baseline)
        click.echo(json.dumps(result, indent=2) if as_json else format_evaluation(result))

    @cli.command("train")
    @click.option(
        "--out",
        "out_dir",
        type=click.Path(path_type=Path),
        default=Path("models"),
        show_default=True,
        help="Parent folder of the new versioned model directory.",
    )
    @click.option("--epochs", type=int, default=None, help="Training epochs (default 2).")
    @click.option(
        "--max-minutes",
        type=float,
        default=None,
        help="Time budget of the fine-tuning stage (default 17; distillation has its own 10).",
    )
    @click.option("--seed", type=int, default=None, help="Random seed (default 13).")
    @click.option("--no-public", is_flag=True, help="Train on the written set (+ feedback) only.")
    @click.option(
        "--no-feedback", is_flag=True, help="Do not merge the archive's human corrections."
    )
    @click.option(
        "--no-distil",
        is_flag=True,
        help="Serve the fine-tuned 6-layer model itself, not its 2-layer student "
        "(about 5x slower; 1.4 macro-F1 points better on dev, 0.7 worse on test).",
    )
    @click.option("--keep-torch", is_flag=True, help="Also keep fp32 torch weights (90 MB).")
    @click.option("--ship", is_flag=True, help="Also copy the result to classifiers/model.")
    @click.option("--quiet", is_flag=True, help="No progress bar.")
    @pass_app
    def train(
        app: App,
        out_dir: Path,
        epochs: int | None,
        max_minutes: float | None,
        seed: int | None,
        no_public: bool,
        no_feedback: bool,
        no_distil: bool,
        keep_torch: bool,
        ship: bool,
        quiet: bool,
    ) -> None:
        """Fine-tune all-MiniLM-L6-v2 on the written set, public data and feedback, then
        distil it into the fast 2-layer student that is served."""
        from civmon.modelops import run_train

        path = run_train(
            app,
            out_dir,
            epochs=epochs,
            max_minutes=max_minutes,
            seed=seed,
            public=not no_public,
            feedback=not no_feedback,
            keep_torch=keep_torch,
            ship=ship,
            progress=not quiet,
            distil=not no_distil,
        )
        click.echo(str(path))

    @cli.command("feedback")
    @click.argument("post_id", type=int)
    @click.argument("label", type=click.Choice(LABELS))
    @click.option("--target", default=None, help='Who is attacked ("@handle" or "group:...").')
    @click.option("--note", default=None, help="Why, for the record.")
    @pass_app
    def feedback(app: App, post_id: int, label: str, target: str | None, note: str | None) -> None:
        """Record a human correction of POST_ID's label; merged into the next `civmon train`."""
        from civmon.modelops import add_feedback

        row_id = add_feedback(app.archive, post_id, label, target, note)
        click.echo(f"feedback {row_id}: post {post_id} is {label}")


def _open_text(path: Path) -> IO[str]:
    try:
        return open(path, encoding="utf-8")  # noqa: SIM115 - read fully, closed at exit
    except OSError as exc:
        raise CivmonError(f"cannot read {path}: {exc.strerror}") from None

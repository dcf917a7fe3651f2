"""``refkit train``: labelled references (JSON Lines) -> a tagger model for ``refkit parse --model``."""

from __future__ import annotations

import click

from refkit.errors import ExitCode


@click.command("train")
@click.argument("labelled", nargs=-1, required=True, type=click.Path(dir_okay=False), metavar="LABELLED.jsonl...")
@click.option("-o", "--output", "output", required=True, metavar="MODEL", help="Where to write the model.")
@click.option("--force", is_flag=True, help="Overwrite MODEL if it exists.")
@click.option("--iterations", type=click.IntRange(1, 5000), default=None,
              help="L-BFGS iterations (default 250).")
@click.option("--c1", type=click.FloatRange(0), default=None, help="L1 regularisation (default 0.05).")
@click.option("--c2", type=click.FloatRange(0), default=None, help="L2 regularisation (default 0.02).")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any input line is malformed.")
def train_command(labelled: tuple[str, ...], output: str, force: bool, iterations: int | None,
                  c1: float | None, c2: float | None, strict: bool) -> None:
    """Train a reference tagger on your own labelled references.

    Each line of LABELLED.jsonl is one reference in AnyStyle's labels, e.g.

      {"text": "Doe, J. (2001). A title. Journal 3, 1-9.",
       "segments": [["author", "Doe, J."], ["date", "(2001)."], ["title", "A title."],
                    ["journal", "Journal"], ["volume", "3,"], ["pages", "1-9."]]}

    Use the model with 'refkit parse --model MODEL'. A model is trained from scratch: to extend
    the built-in one, pass the data made by 'python training/build_data.py' (training/out/train.jsonl)
    together with your own files.
    """
    from refkit.parse.training import TrainReport, read_examples, train

    report = TrainReport()

    def examples():
        for path in labelled:
            yield from read_examples(path, report)

    params: dict[str, float | int] = {}
    if iterations is not None:
        params["max_iterations"] = iterations
    if c1 is not None:
        params["c1"] = c1
    if c2 is not None:
        params["c2"] = c2
    if strict:
        # read everything first so a bad line fails before any training time is spent
        exs = list(examples())
        if report.skipped:
            for problem in report.skipped:
                click.echo(f"Error: {problem}", err=True)
            raise SystemExit(ExitCode.FINDINGS)
        result = train(exs, output, params=params, force=force)
    else:
        result = train(examples(), output, params=params, force=force)
    for problem in report.skipped:
        click.echo(f"Warning: skipped {problem}", err=True)
    click.echo(
        f"Trained on {result.references} references ({result.tokens} tokens, "
        f"{len(result.labels)} labels); model written to {output}",
        err=True,
    )

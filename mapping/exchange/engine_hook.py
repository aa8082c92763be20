"""Where the import and export find the survey engine's `evaluate(answers)`.

The engine (mapping.methodology.engine, built on its own branch) is the only categoriser in
production; the import core takes it as an argument so that tests can pass a small double.
"""

from mapping.exchange.importer import Evaluate


class EngineMissing(RuntimeError):
    """The methodology engine is not installed in this code base."""


def engine_evaluate() -> Evaluate:
    try:
        from mapping.methodology.engine import evaluate
    except ImportError as e:  # the engine's branch is not merged yet
        raise EngineMissing(str(e)) from e
    return evaluate

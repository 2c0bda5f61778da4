"""civmon: the app package. Configuration, wiring, the CLI and the scheduler.

This is the only package that imports the others (collectors, storage, classifiers,
alerts) and wires them together; data flows collectors -> storage <- classifiers,
storage -> alerts.
"""

__version__ = "0.1.0"

"""cwguard: warns CrowdWorks freelancers when a thread pulls them off the platform."""
__version__ = "0.1.0"


def score(payload: dict) -> dict:
    """Score a thread in-process: the same answer as POST /score (see `cwguard.api.score`).

    Imported on first use so that `import cwguard` (the CLI, the version) stays cheap.
    """
    from .api import score as _score
    return _score(payload)

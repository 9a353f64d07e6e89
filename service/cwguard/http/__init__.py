"""The HTTP service: `create_app(config)` builds the Flask app that `cwguard serve` runs with waitress."""
from .app import create_app

__all__ = ["create_app"]

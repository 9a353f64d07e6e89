"""cwguard: warns CrowdWorks freelancers when a thread pulls them off the platform."""
__version__ = "0.1.0"

"""Site knowledge: what one marketplace's pages and notices look like (CrowdWorks today)."""

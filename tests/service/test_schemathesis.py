"""Schema-driven fuzzing (issue #4): schemathesis reads the app's own /openapi.json and sends what
it generates (valid and invalid) through the WSGI app. No answer may be a 5xx, and every answer
must be documented: its status code, its content type and its body's schema.

The number of examples per operation is bounded to keep the suite fast
(CWGUARD_SCHEMATHESIS_EXAMPLES=1000 for a longer run).
"""
from __future__ import annotations

import os

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from cwguard.http import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]

# The real engine: an engine that fails to import fails this module.
app = create_app({"CWGUARD_TOKEN": ""})
schema = schemathesis.openapi.from_wsgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=int(os.environ.get("CWGUARD_SCHEMATHESIS_EXAMPLES", "60")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                 HealthCheck.filter_too_much, HealthCheck.data_too_large])
def test_every_answer_is_documented_and_never_a_server_error(case):
    case.call_and_validate(checks=CHECKS)


def test_the_document_is_found_and_covers_score_and_health():
    operations = {(op.ok().method.upper(), op.ok().path) for op in schema.get_all_operations()}
    assert {("POST", "/score"), ("GET", "/health")} <= operations

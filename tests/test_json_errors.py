"""Every JSON error of the product has one shape (mapping.json_errors): the message in the
request's language in "error" (and in "message", for the survey app installed before), the
code for a program in "code", and the message in Czech and in English. Before, the survey's
endpoints put the code in "error", the API the message, and the route planner, the map's data
and the catalogue's layer gave the message alone, in one language."""

import ast
from pathlib import Path

import pytest

from tests.factories import make_place

ROOT = Path(__file__).resolve().parent.parent
TOO_LONG = "x" * 300

# (method, path, query, status, code)
ANSWERS = [
    ("get", "/api/v1/places/", {"bbox": "1,2,3"}, 400, "invalid"),
    ("get", "/api/v1/assessments/", {"place": "abc"}, 400, "invalid"),
    ("get", "/api/v1/places/999999999/", {}, 404, "not_found"),
    ("get", "/api/v1/no-such-thing/", {}, 404, "not_found"),
    ("get", "/places.geojson", {"bbox": "14.1,49.3"}, 400, "invalid"),
    ("get", "/places.geojson", {"bbox": "14.1,49.3,14.2,49.4", "zoom": "99"}, 400, "invalid"),
    (
        "get",
        "/places.geojson",
        {"bbox": "14.1,49.3,14.2,49.4", "max_kerb_cm": "-1"},
        400,
        "invalid",
    ),
    ("get", "/katalog/sluzby.geojson", {"service_type": "zzz"}, 400, "invalid"),
    ("get", "/route.json", {"from": "14.1474,49.3089", "to_place": "abc"}, 400, "invalid"),
    ("get", "/route.json", {"from": "14.1474,49.3089", "to_place": "999999"}, 404, "not_found"),
    ("get", "/route.json", {"from": "14.1474,49.3089", "to": "1,2,3"}, 400, "invalid"),
    (
        "get",
        "/route.json",
        {"from": "14.1,49.3", "to": "14.2,49.4", "profile": "x"},
        400,
        "invalid",
    ),
    ("get", "/trasa/hledat.json", {"q": TOO_LONG}, 400, "invalid"),
    ("post", "/pruzkum/api/vyhodnotit/", {}, 401, "login_required"),
    ("get", "/pruzkum/api/nic/", {}, 404, "not_found"),
]


def assert_one_shape(response, status: int, code: str, language: str) -> dict:
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["code"] == code
    assert body["error"] == body["message"] == body[f"message_{language}"]
    # Known in both languages: a script can keep it and show it later in either.
    assert body["message_cs"] and body["message_en"]
    assert body["message_cs"] != body["message_en"]
    return body


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize(("method", "path", "query", "status", "code"), ANSWERS)
def test_every_json_error_has_the_one_shape_in_both_languages(
    client, method, path, query, status, code, language
):
    make_place("Radnice")
    response = getattr(client, method)(path, query, HTTP_ACCEPT_LANGUAGE=language)
    assert_one_shape(response, status, code, language)


@pytest.mark.django_db
def test_a_query_that_cannot_be_read_names_its_parameters(client):
    body = client.get("/places.geojson", {"bbox": "1,2", "kind": "rocket"}).json()
    assert body["parameters"] == {"bbox": [body["error"]]}
    body = client.get("/places.geojson", {"bbox": "14.1,49.3,14.2,49.4", "kind": "x"}).json()
    assert list(body["parameters"]) == ["kind"]
    assert body["parameters"]["kind"][0] in body["error"]
    body = client.get("/api/v1/assessments/", {"place": "abc"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["parameters"] == {"place": ["place must be the number of a place."]}
    body = client.get("/katalog/sluzby.geojson", {"target_group": "x"}).json()
    assert body["parameters"] == {"target_group": [body["error"]]}


def _error_statuses(call: ast.Call) -> list[int] | None:
    """The statuses a JsonResponse(...) may answer: None when it names none it can be read from."""
    for keyword in call.keywords:
        if keyword.arg == "status":
            numbers = [
                node.value
                for node in ast.walk(keyword.value)
                if isinstance(node, ast.Constant) and isinstance(node.value, int)
            ]
            return numbers or None
    return [200]


def test_no_json_error_is_made_outside_the_one_helper():
    """A JsonResponse with a status of 400 or more, or an "error" key, anywhere but
    mapping/json_errors.py would be a second shape."""
    helper = ROOT / "mapping" / "json_errors.py"
    found = []
    for path in sorted((ROOT / "mapping").rglob("*.py")):
        if path == helper or "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "JsonResponse"):
                continue
            statuses = _error_statuses(node)
            keys = [
                key.value
                for argument in node.args
                if isinstance(argument, ast.Dict)
                for key in argument.keys
                if isinstance(key, ast.Constant)
            ]
            if statuses is None or any(s >= 400 for s in statuses) or "error" in keys:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []

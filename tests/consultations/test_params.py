"""One parser for whole numbers from outside, and a JSON parser that refuses deep nesting."""

import io

import pytest
from rest_framework.exceptions import ParseError

from consultations.params import BIGINT_MAX, int_param, parse_id, parse_int
from consultations.parsers import BoundedJSONParser
from consultations.refusals import Refused


@pytest.mark.parametrize("raw", ["²", "٣", "1_000", " 7", "7 ", "+7", "0x10", "1e3", "", "9" * 5000, str(2**63), True, None, 1.5])
def test_anything_but_ascii_digits_in_range_is_refused(raw):
    assert parse_int(raw) is None


def test_ascii_digits_in_range_are_a_number():
    assert parse_int("42") == 42 and parse_int(42) == 42
    assert parse_int(str(BIGINT_MAX)) == BIGINT_MAX
    assert parse_int("-3", minimum=-5) == -3 and parse_int("-3") is None
    assert parse_id("0") is None and parse_id("1") == 1


def test_a_malformed_parameter_is_a_french_400():
    assert int_param(None, "after", default=0) == 0
    with pytest.raises(Refused) as refusal:
        int_param("²", "after")
    assert refusal.value.status == 400 and refusal.value.code == "invalid"


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_a_json_body_nested_too_deep_is_a_parse_error(depth):
    body = ("[" * depth + "]" * depth).encode()
    with pytest.raises(ParseError) as error:
        BoundedJSONParser().parse(io.BytesIO(body))
    assert error.value.get_codes() == "too_deep"


def test_a_json_body_of_ordinary_depth_parses():
    assert BoundedJSONParser().parse(io.BytesIO(b'{"answers": {"1": [2, 3]}}')) == {"answers": {"1": [2, 3]}}


def test_the_api_answers_a_deep_body_with_detail_and_code(api_for, citizen):
    response = api_for(citizen).post("/api/reports/", "[" * 100_000 + "]" * 100_000, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "too_deep" and "trop imbriqué" in response.json()["detail"]

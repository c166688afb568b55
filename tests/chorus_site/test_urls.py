"""Tooling stays out of the production URLconf (STYLE §5): the bench's trivial view lives in
its own project (chorus_site.bench_ceiling)."""

from django.urls import NoReverseMatch, reverse

import pytest


pytestmark = pytest.mark.django_db


def test_the_bench_has_no_route_in_chorus(client_for, employee, home_page):
    with pytest.raises(NoReverseMatch):
        reverse("bench_ceiling")
    for path in ("/bench/ceiling", "/bench/ceiling/", "/fr/bench/ceiling/"):
        response = client_for(employee).get(path, follow=True)
        assert response.status_code == 404, path

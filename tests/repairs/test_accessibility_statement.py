"""The site's accessibility statement (§8 of Act 99/2019 Sb.), filled in by a coordinator in
the admin and linked from every public page's footer, and the public's request for remedy (§9),
which lands in the repair loop."""

from datetime import date

import pytest
from django.urls import reverse

from mapping.models import AccessibilityStatement, RepairItem, RepairSource, RepairStatus
from tests.personas import client_for

pytestmark = pytest.mark.django_db

STATEMENT = "/pristupnost/"
REMEDY = "/pristupnost/napravit/"


def test_every_public_page_links_the_statement_in_its_footer(client):
    for url in ("/", "/seznam/", "/nahlasit/", "/nahlasit/stav/", "/data/", STATEMENT, REMEDY):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="cs")
        assert response.status_code == 200, url
        footer = response.content.decode().split('class="site-footer"')[1]
        assert f'href="{STATEMENT}"' in footer, url


def test_before_the_coordinator_fills_it_the_page_says_so_and_offers_the_form(client):
    page = client.get(STATEMENT, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "Město zatím prohlášení o přístupnosti nezveřejnilo." in page
    assert f'href="{REMEDY}"' in page


def test_a_coordinator_fills_the_statement_in_the_admin_once(client, charlie, alice):
    admin = client_for(charlie)
    response = admin.post(
        "/admin/mapping/accessibilitystatement/add/",
        {
            "compliance": "partial",
            "non_accessible_content": "Mapové podklady nejsou přístupné pro čtečky.",
            "statement_date": "2026-11-30",
            "prepared_by": "Vlastní posouzení města",
            "contact_name": "Odbor informatiky",
            "contact_email": "pristupnost@mesto.example",
            "contact_phone": "",
            "remedy_url": "",
            "automated_check_date": "2026-11-29",
            "automated_check_result": "axe-core: žádné chyby na 40 stránkách",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    statement = AccessibilityStatement.current()
    assert statement.statement_date == date(2026, 11, 30)
    # One statement: the admin offers no second one.
    assert admin.get("/admin/mapping/accessibilitystatement/add/").status_code == 403
    assert client_for(alice).get("/admin/mapping/accessibilitystatement/").status_code == 302

    page = client.get(STATEMENT, HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert "částečně v souladu" in page
    assert "Mapové podklady nejsou přístupné pro čtečky." in page
    assert "30. listopadu 2026" in page
    assert "axe-core: žádné chyby na 40 stránkách" in page
    assert "pristupnost@mesto.example" in page
    assert f'href="{REMEDY}"' in page
    assert "Ministerstvo vnitra" in page


def test_a_request_for_remedy_becomes_an_item_the_coordinator_sees(client, charlie):
    response = client.post(
        REMEDY,
        {
            "description": "Tlačítka mapy nemají popisky",
            "page_url": "/",
            "contact": "petr@example.org",
        },
    )
    item = RepairItem.objects.get()
    assert response["Location"] == reverse("accessibility:remedy_thanks", args=[item.reference])
    assert item.source == RepairSource.REMEDY and item.status == RepairStatus.OPEN
    thanks = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="cs").content.decode()
    assert item.reference in thanks and "petr@example.org" not in thanks
    assert "Čeká na přidělení" in thanks  # the page follows the request, by its reference
    listing = client_for(charlie).get("/kontrola/opravy/").content.decode()
    assert item.reference in listing
    detail = client_for(charlie).get(reverse("repairs:detail", args=[item.pk])).content.decode()
    assert "petr@example.org" in detail and "Tlačítka mapy nemají popisky" in detail


def test_a_remedy_request_without_text_or_with_the_honeypot_is_refused(client):
    empty = client.post(REMEDY, {"description": "", "contact": ""}, HTTP_ACCEPT_LANGUAGE="cs")
    assert empty.status_code == 400
    bot = client.post(REMEDY, {"description": "x", "contact": "y", "website": "http://spam"})
    assert bot.status_code == 400
    assert not RepairItem.objects.exists()


def test_the_remedy_form_is_rate_limited(client, settings):
    settings.REMEDY_REQUESTS_PER_HOUR = 1
    data = {"description": "Nečitelný kontrast", "contact": "petr@example.org"}
    assert client.post(REMEDY, data).status_code == 302
    limited = client.post(REMEDY, data, HTTP_ACCEPT_LANGUAGE="cs")
    assert limited.status_code == 429 and "Retry-After" in limited
    assert RepairItem.objects.count() == 1


def test_an_unknown_remedy_reference_is_a_404(client):
    assert client.get("/pristupnost/napravit/dekujeme/XXXX-XXXX/").status_code == 404

"""0018_browse_counts: the stored title counts of vocabularies and certificates start from a fresh count."""

BEFORE = [("catalogue", "0015_full_text")]
AFTER = [("catalogue", "0018_browse_counts")]


def test_the_migration_counts_existing_links_and_certificates(migrate):
    old = migrate(BEFORE)
    Title, Genre, TitleGenre, Certificate = (
        old.get_model("catalogue", name) for name in ("Title", "Genre", "TitleGenre", "Certificate")
    )
    first = Title.objects.create(title="Gaslight", slug="gaslight", year=1944)
    second = Title.objects.create(title="Laura", slug="laura", year=1944)
    drama = Genre.objects.create(name="Drama", slug="drama")
    Genre.objects.create(name="Western", slug="western")
    for title in (first, second):
        TitleGenre.objects.create(title=title, genre=drama)
    Certificate.objects.create(title=first, country="UK", rating="A")
    Certificate.objects.create(title=first, country="UK", rating="X")
    Certificate.objects.create(title=second, country="UK", rating="X")
    new = migrate(AFTER)
    assert dict(new.get_model("catalogue", "Genre").objects.values_list("name", "title_count")) == {
        "Drama": 2,
        "Western": 0,
    }
    counts = new.get_model("catalogue", "CertificateCount").objects.values_list("country", "rating", "title_count")
    assert sorted(counts) == [("UK", "", 2), ("UK", "A", 1), ("UK", "X", 2)]

"""0012_keywords: the JSON list of plot keywords becomes Keyword rows linked in printed order."""

BEFORE = [("catalogue", "0011_fold_letters")]
AFTER = [("catalogue", "0012_keywords")]


def test_the_migration_copies_keyword_lists_in_order_and_drops_the_json_field(migrate):
    old = migrate(BEFORE)
    Title = old.get_model("catalogue", "Title")
    first = Title.objects.create(
        title="Gaslight",
        slug="gaslight-1944",
        year=1944,
        plot_keywords=["Scotland Yard", "Letter", "Murder", "Letter", ""],
    )
    Title.objects.create(title="Rope", slug="rope-1948", year=1948, plot_keywords=["Murder", "murder", "Party"])
    Title.objects.create(title="Nothing", slug="nothing", year=1950, plot_keywords=[])
    new = migrate(AFTER)
    TitleKeyword = new.get_model("catalogue", "TitleKeyword")
    Keyword = new.get_model("catalogue", "Keyword")
    links = TitleKeyword.objects.order_by("title__year", "position").values_list(
        "title__slug", "keyword__name", "position"
    )
    assert list(links) == [
        # A repeated and an empty name are left out; order and case are kept.
        ("gaslight-1944", "Scotland Yard", 1),
        ("gaslight-1944", "Letter", 2),
        ("gaslight-1944", "Murder", 3),
        ("rope-1948", "Murder", 1),
        ("rope-1948", "murder", 2),
        ("rope-1948", "Party", 3),
    ]
    assert dict(Keyword.objects.values_list("name", "slug")) == {
        "Scotland Yard": "scotland-yard",
        "Letter": "letter",
        "Murder": "murder",
        "murder": "murder-2",
        "Party": "party",
    }
    assert "plot_keywords" not in {f.name for f in new.get_model("catalogue", "Title")._meta.get_fields()}

    back = migrate(BEFORE)  # and the reverse writes the lists back
    assert back.get_model("catalogue", "Title").objects.get(pk=first.pk).plot_keywords == [
        "Scotland Yard",
        "Letter",
        "Murder",
    ]

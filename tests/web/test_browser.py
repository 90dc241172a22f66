"""The web page in a real browser (Playwright driving Debian's chromium) against `linimasa serve` on the
sample plus a hostile article: search, the story timeline with its conflicts, highlighted entities, and
markup in article text that shows as text and runs nothing. Screenshots of the home, story, entity,
article and search pages go to tests/web/artifacts/ for a person to look at."""

from __future__ import annotations

from linimasa.model import date_sort_key
from tests.api.sample import IMG, SCRIPT


def open_story(page, server):
    page.goto(server + "/?sort=size")
    page.locator("a.story-label").first.click()
    page.wait_for_load_state()


def test_search_for_lavrov_finds_his_articles(page, server, artifacts):
    page.goto(server + "/")
    page.screenshot(path=str(artifacts / "home.png"), full_page=True)
    page.fill(".bigsearch input[name=q]", "Lavrov")
    page.press(".bigsearch input[name=q]", "Enter")
    page.wait_for_url("**/search?q=Lavrov*")
    hits = page.locator("li.hit")
    assert hits.count() == 5
    for i in range(hits.count()):
        assert "lavrov" in hits.nth(i).locator("mark").first.inner_text().lower()
    titles = page.locator("a.hit-title").all_inner_texts()
    assert any("Taliban" in t for t in titles) and any(SCRIPT in t for t in titles)  # the hostile one, as text
    page.screenshot(path=str(artifacts / "search.png"), full_page=True)
    page.click("nav.tabs a")  # the events that match
    assert page.locator("li.hit .etype").count() >= 1
    assert not page.dialogs and not page.errors


def test_story_timeline_in_date_order_with_conflicts(page, server, artifacts):
    open_story(page, server)
    assert "Taliban" in page.locator("h1").inner_text()
    page.screenshot(path=str(artifacts / "story.png"), full_page=True)
    values = page.locator(".tl-entry .tl-date time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
    assert len(values) >= 8 and values == sorted(values, key=date_sort_key)
    weekday = page.locator(".tl-entry", has=page.locator("time[datetime='2021-10-20']"))
    assert "tl-conflict" in weekday.get_attribute("class")
    box = weekday.locator(".conflict-weekday_mismatch")
    assert "weekday conflict" in box.text_content() and "Rabu (12/10)" in box.locator("mark").inner_text()
    date = page.locator(".tl-entry", has=page.locator("time[datetime='2021-08']"))
    values_shown = date.locator(".conflict-date .cv-value").all_inner_texts()
    assert {"2021-08", "2021-08-25"} <= set(values_shown)
    assert date.locator(".conflict-date .cv-source a").count() == len(values_shown)
    assert page.locator("svg.axis-svg .axis-mark.is-conflict").count() == 2
    # background events fold away
    background = page.locator(".tl-entry.tl-bg").first
    assert background.is_visible()
    page.click("#toggle-bg")
    assert not background.is_visible()
    page.click("#toggle-bg")
    assert background.is_visible()
    assert not page.dialogs and not page.errors


def test_article_highlights_sergey_lavrov(page, server, artifacts):
    page.goto(server + "/search?q=%22Sergey+Lavrov%22+Muttaqi")
    page.locator("a.hit-title").first.click()
    page.wait_for_load_state()
    lavrov = page.locator(".article-text a.ent-PER", has_text="Sergey Lavrov").first
    assert lavrov.is_visible()
    assert page.locator(".article-text .tx").count() >= 1 and page.locator(".article-text .trg").count() >= 1
    page.screenshot(path=str(artifacts / "article.png"), full_page=True)
    page.click("label[for=view-raw]")  # the raw lines, boilerplate struck through with its rule
    assert page.locator("table.rawlines").is_visible() and not page.locator(".article-text").is_visible()
    page.click("label[for=view-clean]")
    lavrov.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Sergey Lavrov"
    assert page.locator(".aliases").inner_text().count("Lavrov") >= 1
    assert page.locator(".ent-events .event").count() >= 1
    page.screenshot(path=str(artifacts / "entity.png"), full_page=True)
    assert not page.dialogs and not page.errors


def test_hostile_text_shows_as_text_and_runs_nothing(page, server, artifacts):
    page.goto(server + "/search?q=Retno")
    page.locator("a.hit-title").first.click()
    page.wait_for_load_state()
    assert SCRIPT in page.locator("h1").inner_text() and IMG in page.locator("h1").inner_text()
    body = page.locator(".article-text").inner_text()
    assert SCRIPT in body and IMG in body
    page.screenshot(path=str(artifacts / "hostile-article.png"), full_page=True)
    page.click("label[for=view-raw]")
    assert SCRIPT in page.locator("table.rawlines").inner_text()
    story = page.locator(".meta-line a[href^='/stories/']").first.get_attribute("href")
    chips = page.locator("a.chip").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert len(chips) >= 4
    for url in [story, *chips, "/", "/entities", "/articles", "/search?q=script", "/search?q=onerror&kind=events",
                "/search?q=" + SCRIPT]:
        page.goto(server + url)
        assert page.evaluate("document.querySelectorAll('img').length") == 0, url
        scripts = page.evaluate("[...document.scripts].map(s => s.src)")
        assert all(s.endswith("/static/app.js") for s in scripts), (url, scripts)
    assert not page.dialogs, page.dialogs
    assert not page.errors, page.errors


def test_readable_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server + "/?sort=size")
    page.locator("a.story-label").first.click()
    assert page.locator(".tl-entry").count() >= 8
    assert page.locator("details.bg-fold").count() >= 1
    assert not page.locator("#toggle-bg").is_visible()  # the button needs JavaScript: hidden without it
    page.goto(server + "/search?q=Lavrov")
    page.locator("a.hit-title").first.click()
    page.click("label[for=view-raw]")  # a CSS toggle: works without script
    assert page.locator("table.rawlines").is_visible()
    context.close()

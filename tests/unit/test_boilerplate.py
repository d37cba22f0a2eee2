"""Plain-text boilerplate removal: template lines go, paragraphs stay, short texts survive."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from langdetect.detector_factory import PROFILES_DIRECTORY

from streams.enrich import boilerplate_lexicon
from streams.enrich.boilerplate import clean_text, line_fingerprint, line_fingerprints
from streams.enrich.types import SourceProfile

# (language, lines before the article, article paragraphs, lines after the article)
SNIPPETS: list[tuple[str, list[str], list[str], list[str]]] = [
    (
        "en",
        ["Home", "World", "Business", "Sign in", "Subscribe"],
        [
            "The central bank raised its key rate by half a point on Tuesday, citing persistent inflation "
            "in services and a labour market that has barely cooled since the spring.",
            "Economists had expected a smaller move, and markets in Frankfurt and Paris fell sharply after "
            "the announcement before recovering some of their losses in the afternoon.",
        ],
        [
            "Share this article",
            "Advertisement",
            "Related articles",
            "Oil prices slip as demand outlook dims",
            "Five things to know about the rate decision",
            "© 2024 Example Media. All rights reserved.",
        ],
    ),
    (
        "ru",
        ["Главная", "Новости", "Войти", "Подписаться"],
        [
            "Центральный банк во вторник повысил ключевую ставку на половину процентного пункта, сославшись "
            "на устойчивую инфляцию в сфере услуг и перегретый рынок труда.",
            "Экономисты ожидали более скромного решения, и после объявления рынки заметно снизились, но к "
            "вечеру отыграли часть потерь.",
        ],
        [
            "Поделиться",
            "Читайте также",
            "Нефть дешевеет на фоне слабого спроса",
            "Реклама",
            "© 2024 Пример Медиа. Все права защищены.",
        ],
    ),
    (
        "de",
        ["Startseite", "Politik", "Anmelden", "Jetzt abonnieren"],
        [
            "Die Zentralbank hat am Dienstag den Leitzins um einen halben Prozentpunkt angehoben und "
            "verwies dabei auf die hartnäckige Inflation bei den Dienstleistungen.",
            "Ökonomen hatten mit einem kleineren Schritt gerechnet, die Börsen in Frankfurt und Paris "
            "gaben nach der Ankündigung deutlich nach.",
        ],
        ["Teilen", "Mehr zum Thema", "Ölpreise sinken wegen schwacher Nachfrage", "Anzeige", "Impressum"],
    ),
    (
        "fr",
        ["Accueil", "International", "Se connecter", "S'abonner"],
        [
            "La banque centrale a relevé mardi son taux directeur d'un demi-point, invoquant une inflation "
            "persistante dans les services et un marché du travail encore tendu.",
            "Les économistes attendaient un geste plus modeste, et les bourses de Paris et de Francfort "
            "ont reculé nettement après l'annonce.",
        ],
        ["Partager", "Lire aussi", "Le pétrole recule sur fond de demande faible", "Publicité", "Mentions légales"],
    ),
    (
        "es",
        ["Inicio", "Internacional", "Iniciar sesión", "Suscríbete"],
        [
            "El banco central subió el martes su tipo de interés de referencia medio punto, alegando una "
            "inflación persistente en los servicios y un mercado laboral todavía tenso.",
            "Los economistas esperaban un movimiento menor, y las bolsas de Madrid y París cayeron con "
            "fuerza tras el anuncio antes de recuperar parte de las pérdidas.",
        ],
        ["Compartir", "Noticias relacionadas", "El petróleo baja por la débil demanda", "Publicidad"],
    ),
    (
        "zh",
        ["首页", "新闻", "登录", "订阅"],
        [
            "中央银行周二宣布将基准利率上调半个百分点，理由是服务业通胀持续高企，劳动力市场自春季以来几乎没有降温。",
            "经济学家此前预计加息幅度会更小，消息公布后股市明显下跌，午后才收复部分失地。",
        ],
        ["分享到", "相关文章", "油价因需求疲软而下跌", "广告", "版权所有 © 2024 示例传媒"],
    ),
    (
        "pt",
        ["Início", "Mundo", "Entrar", "Assine"],
        [
            "O banco central elevou nesta terça-feira a taxa básica de juros em meio ponto percentual, "
            "citando a inflação persistente nos serviços e um mercado de trabalho ainda aquecido.",
            "Os economistas esperavam um movimento menor, e as bolsas caíram com força depois do anúncio.",
        ],
        ["Compartilhar", "Leia também", "Petróleo cai com demanda fraca", "Publicidade"],
    ),
    (
        "it",
        ["Home", "Mondo", "Accedi", "Abbonati"],
        [
            "La banca centrale ha alzato martedì il tasso di riferimento di mezzo punto, citando "
            "un'inflazione persistente nei servizi e un mercato del lavoro ancora teso.",
            "Gli economisti si aspettavano una mossa più contenuta e le borse hanno chiuso in calo dopo "
            "l'annuncio della decisione.",
        ],
        ["Condividi", "Leggi anche", "Il petrolio scende per la domanda debole", "Pubblicità"],
    ),
    (
        "ja",
        ["ホーム", "ニュース", "ログイン", "購読"],
        [
            "中央銀行は火曜日、サービス分野のインフレが続いていることを理由に、政策金利を0.5％引き上げると発表した。",
            "エコノミストはより小幅な利上げを予想しており、発表後に株式市場は大きく下落した。",
        ],
        ["シェア", "関連記事", "需要減速で原油価格が下落", "広告"],
    ),
    (
        "ko",
        ["홈", "뉴스", "로그인", "구독하기"],
        [
            "중앙은행은 화요일 서비스 부문의 물가 상승이 계속되고 있다며 기준금리를 0.5%포인트 인상한다고 발표했다.",
            "경제학자들은 더 작은 폭의 인상을 예상했으며 발표 직후 주식시장은 큰 폭으로 하락했다.",
        ],
        ["공유하기", "관련기사", "수요 둔화에 국제유가 하락", "광고", "무단전재 및 재배포금지"],
    ),
]


@pytest.mark.parametrize(("language", "head", "paragraphs", "tail"), SNIPPETS, ids=[s[0] for s in SNIPPETS])
def test_template_lines_removed_in_each_language(
    language: str, head: list[str], paragraphs: list[str], tail: list[str]
) -> None:
    result = clean_text("\n".join([*head, *paragraphs, *tail]))
    assert result.text == "\n".join(paragraphs), language
    assert result.removed == (*head, *tail), language


def test_removed_lists_lines_in_order_and_text_keeps_blank_paragraph_breaks() -> None:
    _, head, paragraphs, tail = SNIPPETS[0]
    text = "\n".join([*head, "", paragraphs[0], "", paragraphs[1], "", *tail])
    result = clean_text(text)
    assert result.text == paragraphs[0] + "\n\n" + paragraphs[1]
    assert result.removed == (*head, *tail)


def test_real_paragraphs_with_template_words_are_kept() -> None:
    paragraphs = [
        "Subscribe to the idea that the reform will pay for itself, and you still have to explain why the "
        "ministry asked for a larger budget this year.",
        "Share prices of the three largest lenders fell by more than four percent, the worst day for the "
        "sector since the spring, while bond yields rose.",
        "Related to the dispute, the court also heard claims that cookies were sold without a licence at the "
        "market, which the bakers deny.",
        "Читайте также условия договора внимательно: по словам юристов, именно там скрываются самые дорогие "
        "ошибки покупателей квартир.",
        "关注两会：代表委员围绕经济增长、就业和住房等议题提出了大量建议，引起了社会各界的广泛讨论。",
    ]
    result = clean_text("\n".join(paragraphs))
    assert result.text == "\n".join(paragraphs)
    assert result.removed == ()


def test_call_to_action_sentences_removed() -> None:
    _, _, paragraphs, _ = SNIPPETS[0]
    ctas = [
        "Like this story? Share it with a friend!",
        "关注我们的公众号，获取更多新闻。",
        "Подпишитесь на наш канал в Telegram.",
    ]
    result = clean_text("\n".join([paragraphs[0], *ctas, paragraphs[1]]))
    assert result.text == "\n".join(paragraphs)
    assert result.removed == tuple(ctas)


@pytest.mark.parametrize("line", ["By Jane Doe", "Автор: Иван Петров", "홍길동 기자", "0 shares", "12 Comments"])
def test_bylines_and_share_counters_removed(line: str) -> None:
    _, _, paragraphs, _ = SNIPPETS[0]
    result = clean_text("\n".join([paragraphs[0], line, paragraphs[1]]))
    assert result.removed == (line,)


def test_cookie_banner_removed_but_not_a_recipe_about_cookies() -> None:
    _, _, paragraphs, _ = SNIPPETS[0]
    banner = "This website uses cookies to improve your experience. We will assume you are ok with this."
    recipe = "These cookies use brown butter for a richer experience and a deeper colour in the oven."
    result = clean_text("\n".join([paragraphs[0], recipe, paragraphs[1], banner]))
    assert result.removed == (banner,)


DATELINES = [
    "2019-11-19T08:57:40+01:00",
    "Nov 18, 2019 5:47 PM",
    "Updated 3 hours ago",
    "Обновлено 20 ноября 2019, 05:47",
    "Aktualisiert am 19.11.2019 um 17:47 Uhr",
    "Publié le 19 novembre 2019 à 17h47",
    "Actualizado el 19 de noviembre de 2019",
    "2019年11月20日 05:47",
]


@pytest.mark.parametrize("dateline", DATELINES)
def test_publication_date_lines_removed(dateline: str) -> None:
    _, _, paragraphs, _ = SNIPPETS[0]
    result = clean_text("\n".join([paragraphs[0], dateline, paragraphs[1]]))
    assert result.removed == (dateline,)


@pytest.mark.parametrize(
    "line",
    [
        "$139.00",
        "02-751-1500",
        "1 tsp cinnamon",
        "2 eggs",
        "Palm Bay 18 22 13 17 — 70",
        "Top 10",
        "By the numbers",
        "How The Central Bank Could Change Course In The Coming Year",
    ],
)
def test_prices_scores_ingredients_and_headings_between_paragraphs_are_kept(line: str) -> None:
    _, _, paragraphs, _ = SNIPPETS[0]
    result = clean_text("\n".join([paragraphs[0], line, paragraphs[1]]))
    assert result.removed == ()


def test_article_list_between_paragraphs_is_kept() -> None:
    lines = [
        "Our hiking survival kit is really very simple, and it fits in one small backpack for the whole family.",
        "bottled water",
        "baby carrier",
        "healthy snack bars",
        "camera",
        "In the time we have lived here, one place we had not yet visited was the park below the old mountain.",
    ]
    result = clean_text("\n".join(lines))
    assert result.text == "\n".join(lines)


def test_menu_run_removed_even_between_paragraphs() -> None:
    _, _, paragraphs, _ = SNIPPETS[0]
    menu = ["Politics", "Business", "Technology", "Science", "Health", "Sports", "Arts", "Travel"]
    result = clean_text("\n".join([paragraphs[0], *menu, paragraphs[1]]))
    assert result.text == "\n".join(paragraphs)
    assert result.removed == tuple(menu)


@pytest.mark.parametrize(
    "text", ["Subscribe", "Share\nRead more", "© 2024", "Advertisement\n\nAdvertisement", "分享", "Home\nLog in"]
)
def test_text_of_template_lines_only_is_returned_unchanged(text: str) -> None:
    result = clean_text(text)
    assert result.text == text.strip()
    assert result.removed == ()


@pytest.mark.parametrize(
    "text", ["Home\nNews\nSport", "Photo: Reuters\nPresident arrives in Paris", "Share\nMarkets rally"]
)
def test_short_text_keeps_its_non_template_lines(text: str) -> None:
    result = clean_text(text)
    kept = result.text.splitlines()
    assert kept
    assert set(kept) | set(result.removed) == set(text.splitlines())


def test_empty_text_stays_empty() -> None:
    assert clean_text("") == clean_text("   \n  ")
    assert clean_text("").text == ""


def test_cleaning_is_deterministic() -> None:
    _, head, paragraphs, tail = SNIPPETS[1]
    text = "\n".join([*head, *paragraphs, *tail])
    assert clean_text(text) == clean_text(text)


def test_fingerprint_ignores_case_spaces_and_digits() -> None:
    assert line_fingerprint("© 2019  All Rights Reserved") == line_fingerprint("© 2024 all rights reserved")
    assert line_fingerprint("Home") != line_fingerprint("World")
    # pinned: the stream's per-source table outlives deployments, so the key must never drift
    assert line_fingerprint("  HOME ") == "a76316f670584a93"
    assert line_fingerprints("Home\n\n   \nHome\n123") == {line_fingerprint("Home")}


def _article(n: int) -> list[str]:
    topics = ["council", "harbour", "school", "railway", "museum", "hospital", "budget", "festival"]
    verbs = ["approved", "rejected", "delayed", "funded", "reviewed", "opened", "closed", "expanded"]
    topic, verb = topics[n], verbs[(3 * n) % len(verbs)]
    return [
        f"The city {verb} the {topic} plan on Monday after a long debate among residents and officials.",
        f"What the {topic} decision means",
        f"Opponents of the {topic} project said they would keep campaigning until the next election.",
    ]


def test_recurring_source_lines_removed_after_a_few_articles() -> None:
    menu = ["Daily Planet", "Latest Weather Opinion Jobs", "Metropolis edition"]
    footer = ["Planet Media Group, 1 Main Street", "Tip us off: call the newsroom"]
    counts: dict[str, int] = {}
    results = []
    for n in range(8):
        content = _article(n)
        body = "\n".join([*menu, *content, *footer])
        for key in line_fingerprints(body):
            counts[key] = counts.get(key, 0) + 1
        profile = SourceProfile(articles=n + 1, line_counts=dict(counts))
        results.append((content, clean_text(body, profile=profile)))
    # without history the footer looks like the end of the article and stays
    _, first = results[0]
    assert "Tip us off: call the newsroom" in first.text
    # from the fifth article on, every template line is recognised and every content line kept
    for content, result in results[4:]:
        assert result.text == "\n".join(content)
        assert result.removed == (*menu, *footer)


def test_recurring_sentence_needs_long_history() -> None:
    disclaimer = "Reporting for this series is supported by a grant from a foundation with no say over our coverage."
    counts = {line_fingerprint(disclaimer): 6}
    body = "\n".join([*_article(0), disclaimer])
    kept = clean_text(body, profile=SourceProfile(articles=6, line_counts=counts))
    assert disclaimer in kept.text
    counts = {line_fingerprint(disclaimer): 30}
    gone = clean_text(body, profile=SourceProfile(articles=40, line_counts=counts))
    assert gone.removed == (disclaimer,)


_LINES = st.sampled_from(
    [
        "Home",
        "Share",
        "Subscribe",
        "Читайте также",
        "分享",
        "Advertisement",
        "Photo: Reuters",
        "© 2024 Example",
        "Markets",
        "",
        "   ",
        "The minister said on Tuesday that the plan would be published before the end of the month.",
        "Related articles",
        "Five things to know about the plan",
        "1 tsp cinnamon",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=15))
def test_never_empty_and_every_line_accounted_for(lines: list[str]) -> None:
    text = "\n".join(lines)
    result = clean_text(text)
    assert clean_text(text) == result
    if any(line.strip() for line in text.splitlines()):
        assert result.text.strip()
    kept = [line.strip() for line in result.text.splitlines() if line.strip()]
    original = [line.strip() for line in text.splitlines() if line.strip()]
    assert sorted([*kept, *result.removed]) == sorted(original)


# --- structure: reader tools at the head, navigation blocks at the tail, headline kept (issue 9) ---

RU_SHORT_PAGE = [
    ("Главная | Город | Спорт | Культура", False),
    ("Некогда читать?", False),
    ("Краткий пересказ", False),
    ("В Казани открыли новый мост через Казанку", True),
    ("Автор: Ольга Смирнова", False),
    ("Мост длиной 600 метров соединил два района города и должен разгрузить центральные улицы.", True),
    ("По словам мэрии, движение по мосту будет круглосуточным, а плата за проезд не предусмотрена.", True),
    ("Предыдущая статья", False),
    ("Почему в городе снова дорожает проезд?", False),
    ("Поделиться", False),
]


def _labelled(page: list[tuple[str, bool]]) -> tuple[str, list[str], list[str]]:
    text = "\n".join(line for line, _ in page)
    return text, [line for line, c in page if c], [line for line, c in page if not c]


def test_short_russian_page_loses_reader_tools_and_previous_block_but_keeps_its_headline() -> None:
    text, content, furniture = _labelled(RU_SHORT_PAGE)
    result = clean_text(text)
    assert result.text.splitlines() == content
    assert list(result.removed) == furniture


def test_german_previous_next_block_goes_with_its_titles() -> None:
    page = [
        ("Startseite | Politik | Wirtschaft", False),
        ("Stadtrat beschließt neue Radwege entlang des Rheinufers", True),
        ("Von Anna Becker", False),
        ("Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, am Rheinufer neue Radwege anzulegen.", True),
        ("Die Arbeiten sollen im Herbst beginnen und rund zwei Jahre dauern, teilte die Verwaltung mit.", True),
        ("Vorheriger Artikel", False),
        ("Hafen meldet Rekordumschlag im ersten Quartal", False),
        ("Nächster Artikel", False),
        ("Wird die Straßenbahn bald teurer?", False),
        ("© 2026 Beispiel Verlag. Alle Rechte vorbehalten.", False),
    ]
    text, content, furniture = _labelled(page)
    result = clean_text(text)
    assert result.text.splitlines() == content
    assert list(result.removed) == furniture


def test_question_shaped_related_title_after_the_article_is_removed() -> None:
    paragraphs = [
        "The treasury will sell a minority stake in the state power company next year, the finance minister "
        "said on Thursday, in the largest privatisation the country has attempted in two decades.",
        "The sale is expected to raise about four billion dollars, which the government wants to spend on the "
        "grid and on paying down debt before the elections.",
    ]
    tail = [
        "More on this story",
        "Unions threaten strike over power company sale",
        "Analysis: Should State Assets Stay in Public Hands?",
    ]
    result = clean_text("\n".join([*paragraphs, *tail]))
    assert result.text.splitlines() == paragraphs
    assert list(result.removed) == tail


def test_navigation_label_then_question_title_in_english() -> None:
    paragraphs = SNIPPETS[0][2]
    tail = ["Next article", "Privatisation: Should the Port Stay in City Hands?"]
    result = clean_text("\n".join([*paragraphs, *tail]))
    assert result.text.splitlines() == paragraphs
    assert list(result.removed) == tail


@pytest.mark.parametrize(
    "line", ["Previous article: Harbour bridge reopens", "Читайте также: Мост откроют летом", "上一篇：新桥通车"]
)
def test_navigation_label_and_title_on_one_line_is_removed(line: str) -> None:
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join([paragraphs[0], line, paragraphs[1]]))
    assert result.removed == (line,)


def test_a_five_line_page_is_as_clean_as_a_long_one() -> None:
    page = [
        ("Inicio | Local | Deportes", False),
        ("¿No tienes tiempo?", False),
        ("Ver resumen", False),
        ("El ayuntamiento amplía el horario de la biblioteca central", True),
        ("La biblioteca central abrirá también los domingos a partir del próximo mes, anunció la concejala.", True),
        ("La medida responde a las peticiones de estudiantes que preparan exámenes en primavera.", True),
        ("Noticia siguiente", False),
        ("¿Subirá el precio del autobús en verano?", False),
    ]
    text, content, furniture = _labelled(page)
    result = clean_text(text)
    assert result.text.splitlines() == content
    assert list(result.removed) == furniture


def test_headline_standfirst_and_dateline_are_kept_but_byline_credit_and_reading_time_go() -> None:
    page = [
        ("Home | World | Business", False),
        ("Listen to this article", False),
        ("Ferry operator orders three electric boats for the fjord routes", True),
        ("The vessels will replace diesel ferries on the busiest crossings by 2029", True),
        ("By Ingrid Solberg", False),
        ("Photo: Press office", False),
        ("4 min read", False),
        ("BERGEN, May 2 -", True),
        ("The operator signed a contract worth about 90 million euros with a shipyard on Friday.", True),
        ("Each boat will carry up to 300 passengers and 60 cars, and charge at both ends of the crossing.", True),
        ("Share this article", False),
    ]
    text, content, furniture = _labelled(page)
    result = clean_text(text)
    assert result.text.splitlines() == content
    assert list(result.removed) == furniture


def test_a_short_last_paragraph_after_an_inline_promo_is_kept() -> None:
    paragraphs = SNIPPETS[0][2]
    last = "The bank meets again in June."
    result = clean_text("\n".join([*paragraphs, "Read also: Why bond yields are rising", last, "Share"]))
    assert result.text.splitlines() == [*paragraphs, last]


def test_teaser_grid_after_the_article_is_removed() -> None:
    paragraphs = SNIPPETS[0][2]
    grid = []
    teasers = [
        ("Farmers brace for a dry summer", "Reservoirs in the south are at their lowest level in a decade, they said."),
        ("Rail strike called off at the last minute", "Unions and the operator reached a deal late on Sunday night."),
        ("Museum returns bronze statues", "The statues were taken during the colonial era and will go home in May."),
    ]
    for n, (title, summary) in enumerate(teasers):
        grid += [title, "By Staff Reporter", f"{n + 2} hours ago", summary, f"{n + 3} hours ago"]
    result = clean_text("\n".join([*paragraphs, "Most read", *grid]))
    assert result.text.splitlines() == paragraphs


def test_a_new_source_template_is_learned_from_its_first_articles_in_stream_order() -> None:
    """As the stream does: clean with the counts of the articles before, then count the article."""
    menu = ["Valley Gazette", "News Sport Weather", "Our Standards: how we report"]
    counts: dict[str, int] = {}
    results = []
    for n in range(4):
        content = _article(n)
        body = "\n".join([*menu, *content])
        results.append((content, clean_text(body, profile=SourceProfile(articles=n, line_counts=dict(counts)))))
        for key in line_fingerprints(body):
            counts[key] = counts.get(key, 0) + 1
    for content, result in results[2:]:
        assert result.text == "\n".join(content)
        assert set(menu) <= set(result.removed)
    for content, result in results:
        assert set(content) <= set(result.text.splitlines())


@pytest.mark.parametrize(
    ("language", "label"),
    [("pl", "Udostępnij"), ("tr", "Paylaş"), ("vi", "Chia sẻ"), ("sw", "Shiriki"), ("he", "שתף"), ("th", "แชร์")],
)
def test_share_labels_of_other_detected_languages_are_template(language: str, label: str) -> None:
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join([paragraphs[0], label, paragraphs[1]]))
    assert result.removed == (label,), language


def test_lexicon_covers_every_language_langdetect_detects() -> None:
    detected = set(os.listdir(PROFILES_DIRECTORY))
    assert detected <= set(boilerplate_lexicon.LANGUAGES)
    for language in boilerplate_lexicon.LANGUAGES:
        categories = boilerplate_lexicon._LEXICON[language]
        assert set(categories) == set(boilerplate_lexicon.CATEGORIES), language


def test_a_short_paragraph_between_a_read_also_line_and_the_tags_row_is_kept() -> None:
    paragraphs = SNIPPETS[1][2]
    last = "Следующее заседание пройдёт в июне."
    tail = ["Теги: банк, ставка, инфляция", "По теме", "Рубль укрепился к доллару", "Комментарии"]
    text = "\n".join([*paragraphs, "Читайте также: Как изменятся вклады", last, *tail])
    result = clean_text(text)
    assert result.text.splitlines() == [*paragraphs, last]


@pytest.mark.parametrize("byline", ["Karin Holm", "Staff writer", "Updated: 4 March 2026, 10:40"])
def test_a_credit_or_timestamp_between_the_headline_and_the_article_goes(byline: str) -> None:
    headline = "Tram line to the airport opens two years late"
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join(["Home | News | Sport", headline, byline, *paragraphs, "Share"]))
    assert result.text.splitlines() == [headline, *paragraphs]
    assert byline in result.removed


def test_an_unknown_label_with_titles_and_a_closing_question_is_a_block_of_links() -> None:
    paragraphs = SNIPPETS[0][2]
    block = ["Elsewhere on the site", "Ferry fares to rise in May", "Will the old pier ever reopen?"]
    result = clean_text("\n".join([*paragraphs, *block]))
    assert result.text.splitlines() == paragraphs
    assert list(result.removed) == block


def test_an_article_ending_with_a_question_paragraph_keeps_it() -> None:
    paragraphs = SNIPPETS[0][2]
    last = "Will the bank have to raise rates again before the end of the year, as some traders now expect?"
    result = clean_text("\n".join([*paragraphs, last, "Share"]))
    assert result.text.splitlines() == [*paragraphs, last]


def test_a_numbered_most_read_list_goes_with_its_ranks() -> None:
    paragraphs = SNIPPETS[0][2]
    block = ["Most read", "1", "Council approves the new harbour budget", "2", "Why is the ferry late again?"]
    result = clean_text("\n".join([*paragraphs, *block]))
    assert result.text.splitlines() == paragraphs


def test_teasers_cut_off_with_an_ellipsis_after_an_unknown_label_are_links() -> None:
    paragraphs = SNIPPETS[0][2]
    block = [
        "Around the region",
        "Harbour authority sued over the closed meeting of its board in...",
        "Council votes to rebuild the old ferry terminal by the end of next…",
        "Rail operator adds late trains",
    ]
    result = clean_text("\n".join([*paragraphs, *block]))
    assert result.text.splitlines() == paragraphs
    assert list(result.removed) == block


def test_an_article_whose_last_paragraph_trails_off_keeps_it() -> None:
    paragraphs = SNIPPETS[0][2]
    last = "Asked whether the port would ever reopen, the mayor only smiled and said that time would tell…"
    result = clean_text("\n".join([*paragraphs, last, "Share"]))
    assert result.text.splitlines() == [*paragraphs, last]


@pytest.mark.parametrize(
    "header",
    [
        "Dana Whitfield March 3, 2021 - 4:12 pm",
        "Anna Berg 17. März 2021 um 14:05",
        "Lucía Gómez 5 de mayo de 2020 a las 9:30",
    ],
)
def test_readers_comments_after_the_article_go_from_their_first_signed_timestamp(header: str) -> None:
    comments = [
        header,
        "I tried this at home last weekend and it worked much better than I expected, thank you for the idea.",
        "Tom Reyes March 4, 2021 - 9:01 am",
        "Same here, although I would add that the second step takes a good deal longer than the article says.",
    ]
    assert _kept_with_tail(comments) == SNIPPETS[0][2]


def _kept_with_tail(tail: list[str]) -> list[str]:
    """The lines kept of a short article followed by ``tail``."""
    return clean_text("\n".join([*SNIPPETS[0][2], *tail])).text.splitlines()


def test_a_dateline_without_a_year_or_a_name_opens_the_article() -> None:
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join(["LONDON, March 4", *paragraphs]))
    assert result.text.splitlines() == ["LONDON, March 4", *paragraphs]


@pytest.mark.parametrize(
    "caption",
    [
        "The new terminal seen from the harbour in March. (Port Authority/Handout)",
        "Workers load crates onto the ferry (Photo by Jane Doe/Wire)",
        "The mayor speaks to reporters outside the town hall. Credit: Harbour Gazette",
        "Der Bürgermeister vor dem Rathaus. Foto: Stadtarchiv",
        "Мэр города на открытии нового терминала. Фото: пресс-служба",
        "The old pier before the storm. Sam Ortiz / City Wire file",
    ],
)
def test_a_picture_caption_with_its_credit_goes(caption: str) -> None:
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join([paragraphs[0], caption, *paragraphs[1:]]))
    assert result.text.splitlines() == paragraphs
    assert list(result.removed) == [caption]


def test_a_sentence_with_a_slash_in_brackets_is_not_a_caption() -> None:
    paragraphs = SNIPPETS[0][2]
    own = "The council said the contract would be extended for two more years (and/or renegotiated in spring)"
    result = clean_text("\n".join([paragraphs[0], own, *paragraphs[1:]]))
    assert own in result.text.splitlines()


def test_a_sign_up_box_after_the_article_goes_but_news_about_a_newsletter_stays() -> None:
    paragraphs = SNIPPETS[0][2]
    news = "The weekly newsletter, which has about 20,000 readers in the region, will close at the end of March."
    box = [
        "Get the morning's top stories from the harbour delivered to your inbox every day of the week!",
        "No spam, ever. You can unsubscribe at any time and we will never share your address with anyone.",
    ]
    result = clean_text("\n".join([paragraphs[0], news, *paragraphs[1:], *box]))
    assert result.text.splitlines() == [paragraphs[0], news, *paragraphs[1:]]


@pytest.mark.parametrize("counter", ["1 / 13", "Image 1 of 13", "Foto 3 von 8", "Страница 2 из 5"])
def test_a_gallery_position_counter_goes(counter: str) -> None:
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join([paragraphs[0], counter, *paragraphs[1:]]))
    assert result.text.splitlines() == paragraphs


@pytest.mark.parametrize("line", ["1/2 cup", "3 / 2", "12 of 30 members voted for it"])
def test_fractions_and_tallies_are_not_gallery_counters(line: str) -> None:
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join([paragraphs[0], line, *paragraphs[1:]]))
    assert line in result.text.splitlines()


@pytest.mark.parametrize(
    "dateline",
    [
        "12 października 2023, 14:05",  # pl
        "27. lokakuuta 2015",  # fi
        "5 maart 2024",  # nl
        "torsdag 3. april 2025",  # da
        "15 Ağustos 2023 Salı",  # tr
        "3 सितंबर 2024",  # hi
        "12 ตุลาคม 2566",  # th
        "2023. október 5.",  # hu
        "Opublikowano 12 marca 2024",  # pl
        "Gepubliceerd 5 maart 2024",  # nl
        "Yayınlanma: 15 Ağustos 2023",  # tr
        "Опубліковано 3 березня 2024",  # uk
    ],
)
def test_publication_dates_in_languages_beyond_the_development_data_are_datelines(dateline: str) -> None:
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join([paragraphs[0], dateline, *paragraphs[1:]]))
    assert result.text.splitlines() == paragraphs


def test_the_bundled_date_words_are_what_the_build_script_writes() -> None:
    from scripts.build_date_words import OUT, render

    assert OUT.read_text(encoding="utf-8") == render()


HARBOUR = [
    "The harbour authority approved the new ferry terminal on Tuesday after a vote that ran late into the night.",
    "Construction is due to begin in March and should take about two years, according to the authority.",
    "Local shops welcomed the decision, saying the old terminal had kept visitors away for a decade.",
    "Residents of the waterfront, however, worry about traffic on the narrow streets leading to the quay.",
]
SHARE_BAR = ["Share on Facebook", "Share on Twitter", "Share via Email"]


def test_a_first_paragraph_above_a_share_bar_is_the_article_not_a_teaser() -> None:
    """A lone sentence with a menu above and a share bar below is framed like a teaser's summary, which the
    article span scores as a short line; followed by the article's paragraphs it is their lede, and scores as
    the sentence it is (on the aeb tune bodies with a share bar after the first paragraph: 0.904 -> 0.917 of
    their lines kept)."""
    from streams.enrich.boilerplate_lines import parse_text
    from streams.enrich.boilerplate_span import _teaser_cells

    lede = "The harbour authority approved a new ferry terminal late on Tuesday night."
    lines = ["Home | News | Sport", lede, *SHARE_BAR, *HARBOUR[1:]]
    assert _teaser_cells([parse_text(line, False) for line in lines]) == []
    teasers = ["Home | News | Sport", lede, *SHARE_BAR, "Trawler crews say the new limits are tight.", "2 hours ago"]
    assert _teaser_cells([parse_text(line, False) for line in teasers]) == [1, 5]


def test_a_short_last_sentence_after_a_share_bar_is_the_article_s_own() -> None:
    last = "The next hearing is in May."
    lines = ["Home | News | Sport", *HARBOUR, *SHARE_BAR, last, "© 2026 Port Weekly"]
    kept = clean_text("\n".join(lines)).text.splitlines()
    assert kept[-1] == last and HARBOUR[0] in kept
    assert not set(SHARE_BAR) & set(kept)


def test_teasers_after_the_article_still_go_after_a_share_bar() -> None:
    teasers = ["More from Port Weekly", "Lighthouse to reopen for summer visitors",
               "The lighthouse on the north pier will open its doors again after repairs.",
               "Published 2 hours ago", "Fishing quotas cut again", "Trawler crews say the new limits are too tight.",
               "Published 5 hours ago"]
    kept = clean_text("\n".join(["Home | News | Sport", *HARBOUR, *SHARE_BAR, *teasers])).text.splitlines()
    assert kept == HARBOUR


def test_readers_comments_headed_in_two_lines_go_with_their_headers() -> None:
    comments = [
        "Dana Whitfield",
        "March 3, 2021 at 4:12 pm",
        "I tried this at home last weekend and it worked much better than I expected, thank you for the idea.",
        "Tom Reyes",
        "March 4, 2021 at 9:01 am",
        "Same here, although I would add that the second step takes a good deal longer than the article says.",
        "Dana Whitfield",
        "March 4, 2021 at 10:15 am",
        "Good point, Tom: mine took most of an afternoon, and I needed a second pair of hands for the last part.",
    ]
    kept = _kept_with_tail(comments)
    assert kept[: len(SNIPPETS[0][2])] == SNIPPETS[0][2]
    assert not {"Dana Whitfield", "Tom Reyes", "March 3, 2021 at 4:12 pm"} & set(kept)
    assert comments[5] not in kept and comments[8] not in kept  # the replies after the first go


def test_a_byline_and_its_posting_time_above_the_article_leave_the_article_whole() -> None:
    paragraphs = SNIPPETS[0][2]
    result = clean_text("\n".join(["Dana Whitfield", "March 3, 2021 at 4:12 pm", *paragraphs]))
    assert result.text.splitlines() == paragraphs


def test_a_comment_thread_ends_the_article_and_what_follows_it_goes() -> None:
    """Readers' comments with their sentences, then a blog's "about me" box: past the thread's first header
    nothing is the article's, however many sentences follow."""
    tail = [
        "1 comment",
        "Stephanie Moss March 3, 2021 - 4:12 pm",
        "We also fill our refillable bottles before heading out, and it has saved us a small fortune this year.",
        "Reply",
        "About me",
        "Thank you for stopping by! My name is Regan and I write about family trips and the food we cook at home.",
    ]
    assert _kept_with_tail(tail) == SNIPPETS[0][2]


def test_one_signed_time_stamp_inside_an_article_does_not_end_it() -> None:
    """A live blog or an update is signed like a comment: alone, it is no thread."""
    lines = [*HARBOUR[:2], "Dana Whitfield March 3, 2021 at 4:12 pm", *HARBOUR[2:]]
    kept = clean_text("\n".join(lines)).text.splitlines()
    assert all(p in kept for p in HARBOUR)


def test_a_results_table_after_a_share_bar_stays_with_the_article() -> None:
    intro = ["The league published its final standings on Sunday after the last race of a long season.",
             "Check this page again next year for the new season's table."]
    table = ["Final standings after 36 races:", "Pos. Driver Points Wins", "1 Ana Costa 5040 5", "2 Ben Ortiz 5035 7",
             "3 Carl Dunn 5033 4", "4 Dee Park 5027 6", "5 Eli Moss 2380 2", "6 Fay Wu 2339 1"]
    kept = clean_text("\n".join(["Home | News | Sport", *intro, *SHARE_BAR, *table, "© 2026 Race Weekly"]))
    assert kept.text.splitlines() == [*intro, *table]

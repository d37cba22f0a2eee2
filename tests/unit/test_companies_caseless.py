"""Companies in scripts without capital letters, and words with combining marks
(streams/enrich/companies/caseless.py, textnorm, evidence).

Sentences written for these tests from general knowledge; none is from a development set.
"""

from __future__ import annotations

import re

import pytest

from streams.enrich.companies import tag_companies
from streams.enrich.companies.evidence import business_sentence
from streams.enrich.companies.textnorm import normalise
from streams.enrich.script import WORD_CHAR


def _surfaces(text: str, language: str | None) -> set[str]:
    tags = tag_companies("", text, language=language)
    assert all(text[m.start : m.end] == m.surface for t in tags for m in t.mentions)
    return {m.surface for t in tags for m in t.mentions}


def test_a_word_with_combining_marks_stays_one_word():
    # Devanagari and Thai vowels are combining marks, which \w leaves out: «कंपनी» is not four words
    assert re.findall(f"{WORD_CHAR}+", "कंपनी ने घोषणा की") == ["कंपनी", "ने", "घोषणा", "की"]
    assert normalise("บริษัท ปตท. จำกัด") == "บริษัท ปตท  จำกัด"
    assert len(normalise("টাটা মোটর্স")) == len("টাটা মোটর্স")


@pytest.mark.parametrize(
    ("text", "language", "name"),
    [
        ("บริษัท ปตท. จำกัด (มหาชน) รายงานกำไรไตรมาสที่สาม", "th", "ปตท"),
        ('טבע תעשיות פרמצבטיות בע"מ דיווחה על ירידה ברווח.', "he", "טבע תעשיות פרמצבטיות"),
        ('המכרז נמסר לחברת אלביט מערכות בע"מ אתמול.', "he", "אלביט מערכות"),
        ('הטיסה של אל על נתיבי אויר לישראל בע"מ נדחתה.', "he", "אל על נתיבי אויר לישראל"),
        ("टाटा मोटर्स लिमिटेड ने कहा कि बिक्री बढ़ी।", "hi", "टाटा मोटर्स"),
        ("স্কয়ার ফার্মাসিউটিক্যালস লিমিটেড মুনাফা বাড়িয়েছে।", "bn", "স্কয়ার ফার্মাসিউটিক্যালস"),
        ("وقالت شركة هواوي إن مبيعاتها ارتفعت في الربع الثالث.", "ar", "هواوي"),
    ],
)
def test_a_name_closed_by_a_company_word_or_a_legal_form(text, language, name):
    assert name in _surfaces(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Arabic adjectives agree with the feminine شركة (ending in ة or ى), generic nouns take the article
        ("أعلنت شركة ناشئة عن جولة تمويل جديدة.", "ar"),
        ("قالت شركة كبرى إنها ستغلق المصنع.", "ar"),
        ("وقعت شركة النفط الوطنية عقدا جديدا.", "ar"),
        ("تعمل شركة في مجال الطاقة منذ عشرين عاما.", "ar"),
        # Persian and Urdu adjectives do not agree: the Arabic rule is not theirs
        ("شرکت بزرگ خودروسازی اعلام کرد.", "fa"),
        # the Hindi name starts after a postposition: none is left here
        ("सरकार ने लिमिटेड", "hi"),
    ],
)
def test_descriptors_and_function_words_are_not_names(text, language):
    assert _surfaces(text, language) == set()


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("أعلنت وشركة أرامكو أرباحا", 12, 18),  # a business word with a joined prefix
        ("ובחברת טבע אמרו", 7, 10),
        ("Η εταιρείας Cosmote αύξησε", 12, 19),
        ("टाटा मोटर्स के शेयर गिर गए", 0, 4),
        ("ปตท รายงานกำไรเพิ่มขึ้น", 0, 3),  # Thai: a business word inside the run of letters
    ],
)
def test_business_words_of_other_scripts_are_evidence(text, start, end):
    assert business_sentence(text, start, end)


def test_a_weak_catalog_name_after_the_arabic_word_for_company_is_kept():
    # «أرامكو» needs evidence in the catalog; «شركة» before it, with or without a joined prefix, is evidence
    assert "أرامكو" in _surfaces("أعلنت شركة أرامكو عن أرباح", "ar")
    assert "أرامكو" in _surfaces("وقالت وشركة أرامكو إنها", "ar")
    assert _surfaces("أرامكو", "ar") == set()


def test_thai_limited_without_the_word_for_company_is_not_read():
    # at a line's start a sentence may stand before the name: "the shareholders of X Ltd"
    assert _surfaces("ผู้ถือหุ้นสยามซีเมนต์ไทย จำกัด ประชุมวันนี้", "th") == set()
    # «จำกัด» glued to the run before it is the ordinary word: "a limited number of seats"
    assert _surfaces("ที่นั่งมีจำนวนจำกัด กรุณาจองล่วงหน้า", "th") == set()


def test_a_latin_navigation_label_in_another_script_is_no_company():
    # «Next» (a retailer's name in the catalog) as a page's label in an Urdu text
    text = "Previous: پاکستان میں بارش کا نیا سلسلہ شروع ہو گیا Next: کراچی میں ٹریفک کا نظام درہم برہم"
    assert _surfaces(text, "ur") == set()
    assert _surfaces("Read More Latest News from Lahore in Urdu لاہور میں بارش", "ur") == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Η LG ξεκίνησε να διαθέτει την αναβάθμιση σε όλους τους χρήστες.", "LG"),
        ("Google, संयुक्त राज्य अमेरिका और अन्य देशों में सर्वर चलाता है.", "Google"),
    ],
)
def test_a_latin_name_in_a_sentence_of_another_script_needs_no_business_word(text, name):
    assert name in _surfaces(text, None)


def test_a_place_is_not_the_genitive_of_a_company_named_like_its_stem():
    # "Hellas" (Greece) is no "-s" form of the lamp maker Hella; Hella itself stays
    tags = tag_companies("", "Hella shares rose, and Hellas was quiet.", language="en")
    assert [m.surface for t in tags for m in t.mentions] == ["Hella"]


def test_a_latin_name_after_a_greek_feminine_article_in_a_business_sentence():
    assert "Zorvane" in _surfaces("Η Zorvane είναι ιδιωτική εταιρεία λογισμικού με έδρα την Αθήνα.", "el")
    # women and bodies take the feminine article too: without business words nothing is read
    assert _surfaces("Η Adela Peeva είπε πως βρήκε το θέμα της ταινίας στην Κορυτσά.", "el") == set()
    # a league is feminine in Greek
    assert _surfaces("Η Premier League ξεκινά με νέα εταιρεία χορηγό.", "el") == set()


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Sales at Dolce&Gabbana rose in Milan.", "Dolce&Gabbana"),
        ("Shares of Procter&Gamble fell.", "Procter&Gamble"),
        ("The retailer H & M opened a store.", "H & M"),
    ],
)
def test_a_name_with_an_ampersand_in_either_spacing(text, surface):
    assert surface in _surfaces(text, "en")

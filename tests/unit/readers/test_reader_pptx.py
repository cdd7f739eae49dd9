"""PowerPoint slides: each slide a section (title, bullets, tables, notes); a slide whose notes
or free text explain its bullets is one unit."""

import pytest
from lecture_files import write_pptx

from chatbot.index.passages import split_passages
from chatbot.index.readers import UnreadableFile, read_document

SLIDES = [
    {"title": "مزايا التجارة الالكترونية",
     "bullets": ["خفض التكاليف", ("الايجار والعمالة", 1), "الوصول الى اسواق عالمية"],
     "notes": "تتيح التجارة الالكترونية للشركات الصغيرة منافسة الكبيرة."},
    {"title": "نماذج التجارة الالكترونية",
     "table": [["النموذج", "الوصف"], ["B2B", "بين المنشآت"], ["B2C", "من منشأة الى مستهلك"]],
     "text": "تذكر ان النموذج يحدد طرفي المعاملة"},
    {"title": "اهداف المقرر", "bullets": ["فهم مفاهيم التجارة", "تطبيق نماذج الدفع"]},
]


@pytest.fixture
def deck(tmp_path):
    return write_pptx(tmp_path / "slides.pptx", SLIDES)


def test_titles_bullets_tables_and_notes(deck):
    document = read_document(deck)
    assert document.encoding == "pptx"
    assert document.text.splitlines() == [
        "# مزايا التجارة الالكترونية",  # notes explain the bullets: one unit, no list items
        "· خفض التكاليف",
        "  · الايجار والعمالة",
        "· الوصول الى اسواق عالمية",
        "تتيح التجارة الالكترونية للشركات الصغيرة منافسة الكبيرة.",
        "",
        "# نماذج التجارة الالكترونية",  # a table with its header, and free text: one unit
        "النموذج | الوصف",
        "· B2B: الوصف: بين المنشآت",
        "· B2C: الوصف: من منشأة الى مستهلك",
        "تذكر ان النموذج يحدد طرفي المعاملة",
        "",
        "# اهداف المقرر",  # bullets alone stay items
        "- فهم مفاهيم التجارة",
        "- تطبيق نماذج الدفع",
    ]


def test_each_slide_is_a_section_with_its_notes(deck):
    passages = split_passages(read_document(deck).text, deck.name)
    sections = [p for p in passages if p.level == "section"]
    assert [s.heading for s in sections] == [
        "# مزايا التجارة الالكترونية", "# نماذج التجارة الالكترونية", "# اهداف المقرر"]
    assert "للشركات الصغيرة" in sections[0].text  # the speaker notes stay under their slide
    assert [p.heading for p in passages if p.level == "item"] == ["- فهم مفاهيم التجارة", "- تطبيق نماذج الدفع"]


AI_SLIDES = [
    {"title": "فروع علوم الحاسب",
     "bullets": ["الذكاء الاصطناعي (AI)", "تعلم الالة (ML)", "قواعد البيانات"],
     "notes": "الذكاء الاصطناعي هو قدرة الحاسوب على محاكاة التفكير البشري.\n"
              "تعلم الالة فرع منه يتعلم فيه الحاسوب من البيانات دون برمجة صريحة."},
    {"title": "مراجع", "bullets": ["كتاب المقرر"]},
]


def test_a_bullet_naming_a_term_stays_with_the_notes_explaining_it(tmp_path):
    deck = write_pptx(tmp_path / "ai.pptx", AI_SLIDES)
    passages = split_passages(read_document(deck).text, deck.name)
    assert not any("الذكاء الاصطناعي (AI)" in p.heading for p in passages)
    [slide] = [p for p in passages if "الذكاء الاصطناعي (AI)" in p.text]
    assert slide.level == "section" and slide.heading == "# فروع علوم الحاسب"
    assert slide.text.splitlines()[1:4] == ["· الذكاء الاصطناعي (AI)", "· تعلم الالة (ML)", "· قواعد البيانات"]
    assert "محاكاة التفكير البشري" in slide.text and "دون برمجة صريحة" in slide.text


def test_slide_table_rows_keep_their_header(tmp_path):
    deck = write_pptx(tmp_path / "table.pptx", [
        {"title": "مصطلحات", "table": [["المصطلح", "الشرح", "مثال"], ["الخادم", "حاسوب يقدم خدمة", "خادم الويب"]]}])
    passages = split_passages(read_document(deck).text, deck.name)
    assert [p.heading for p in passages if p.level == "item"] == ["- الخادم: الشرح: حاسوب يقدم خدمة | مثال: خادم الويب"]


def test_damaged_pptx_is_reported(tmp_path):
    path = tmp_path / "broken.pptx"
    path.write_bytes(b"\x00\x01junk" * 50)
    with pytest.raises(UnreadableFile, match="damaged or invalid .pptx"):
        read_document(path)


def test_slides_without_arabic(tmp_path):
    path = write_pptx(tmp_path / "english.pptx", [{"title": "Intro", "bullets": ["one", "two"]}])
    with pytest.raises(UnreadableFile, match="no Arabic text"):
        read_document(path)


def test_a_bullet_naming_a_term_keeps_the_sub_bullets_explaining_it(tmp_path):
    deck = write_pptx(tmp_path / "terms.pptx", [
        {"title": "مصطلحات", "bullets": ["الذكاء الاصطناعي (AI)", ("قدرة الحاسوب على محاكاة التفكير البشري", 1),
                                         "الحوسبة السحابية", ("تقديم موارد الحوسبة عبر الانترنت", 1)]}])
    passages = split_passages(read_document(deck).text, deck.name)
    items = {p.heading: p.text.splitlines() for p in passages if p.level == "item"}
    assert items == {
        "- الذكاء الاصطناعي (AI)": ["- الذكاء الاصطناعي (AI)", "  - قدرة الحاسوب على محاكاة التفكير البشري"],
        "- الحوسبة السحابية": ["- الحوسبة السحابية", "  - تقديم موارد الحوسبة عبر الانترنت"],
    }


def test_bullets_with_typed_numbers_stay_in_their_slide(tmp_path):
    deck = write_pptx(tmp_path / "osi.pptx", [
        {"title": "نموذج OSI", "bullets": ["3- طبقة الشبكة", "2- طبقة ربط البيانات", "1- الطبقة الفيزيائية"],
         "notes": "نموذج OSI يقسم الاتصال الى سبع طبقات نرتبها من الاسفل."}])
    passages = split_passages(read_document(deck).text, deck.name)
    assert [(p.level, p.heading) for p in passages] == [("section", "# نموذج OSI")]
    assert "3- طبقة الشبكة" in passages[0].text and "سبع طبقات" in passages[0].text


def _smartart_slide(path, cycle: bool = False):
    """A slide holding a SmartArt diagram, as PowerPoint saves one: a graphic frame on the slide,
    the nodes and their links in a data part of their own. Nodes are listed out of order;
    ``cycle`` adds a link making a node its own ancestor (a damaged file)."""
    import pptx
    from pptx.opc.constants import RELATIONSHIP_TYPE
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI
    from pptx.oxml import parse_xml

    deck = pptx.Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "مراحل إدارة المشروع"
    dgm = 'xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"'
    a = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'

    def point(model, text):
        return f'<dgm:pt modelId="{model}"><dgm:t><a:bodyPr/><a:p><a:r><a:t>{text}</a:t></a:r></a:p></dgm:t></dgm:pt>'

    links = [("0", "2", 1), ("0", "1", 0), ("1", "3", 0)] + ([("3", "1", 0)] if cycle else [])
    data = (
        f"<dgm:dataModel {dgm} {a}><dgm:ptLst>"
        '<dgm:pt modelId="0" type="doc"><dgm:t><a:bodyPr/><a:p/></dgm:t></dgm:pt>'
        + point("2", "التنفيذ والمتابعة") + point("3", "تحديد الأهداف") + point("1", "التخطيط")
        + '<dgm:pt modelId="9" type="parTrans"/></dgm:ptLst><dgm:cxnLst>'
        + "".join(f'<dgm:cxn modelId="c{n}" srcId="{s}" destId="{d}" srcOrd="{o}" destOrd="0"/>'
                  for n, (s, d, o) in enumerate(links))
        + "</dgm:cxnLst></dgm:dataModel>"
    ).encode()
    part = Part(PackURI("/ppt/diagrams/data1.xml"),
                "application/vnd.openxmlformats-officedocument.drawingml.diagramData+xml", slide.part.package, data)
    rid = slide.part.relate_to(part, RELATIONSHIP_TYPE.DIAGRAM_DATA)
    frame = parse_xml(
        '<p:graphicFrame xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        f'{a} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<p:nvGraphicFramePr><p:cNvPr id="10" name="Diagram 1"/><p:cNvGraphicFramePr/><p:nvPr/>'
        '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="100" cy="100"/></p:xfrm>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/diagram">'
        f'<dgm:relIds {dgm} r:dm="{rid}" r:lo="" r:qs="" r:cs=""/></a:graphicData></a:graphic></p:graphicFrame>')
    slide.shapes._spTree.append(frame)
    deck.save(path)
    return path


def test_smartart_nodes_are_items_in_the_diagram_order(tmp_path):
    lines = read_document(_smartart_slide(tmp_path / "smartart.pptx")).text.splitlines()
    assert lines[:4] == ["# مراحل إدارة المشروع", "- التخطيط", "  - تحديد الأهداف", "- التنفيذ والمتابعة"]


def test_a_smartart_cycle_reads_each_node_once(tmp_path):
    text = read_document(_smartart_slide(tmp_path / "cycle.pptx", cycle=True)).text
    assert text.count("التخطيط") == 1 and text.count("تحديد الأهداف") == 1

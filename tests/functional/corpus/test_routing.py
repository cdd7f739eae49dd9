"""Several lectures on nearby e-topics: each question goes to the lecture that answers it, and
the answer names its file. The bundled lecture (UTF-8) is joined by a lecture written for these
tests and saved in Windows-1256, one generated as .docx and a slide deck generated as .pptx."""

import shutil

import pytest
from lecture_files import LECTURES, write_docx, write_pptx

from chatbot.qa.engine import DEFAULT_CORPUS, open_engine

E_HEALTH = [
    {"title": "الصحة الالكترونية",
     "bullets": ["استخدام تقنية المعلومات في تقديم الرعاية الصحية"],
     "notes": "تشمل الصحة الالكترونية السجلات الطبية الرقمية والطب عن بعد."},
    {"title": "تطبيقات الصحة الالكترونية",
     "bullets": ["السجل الصحي الالكتروني للمريض", "الطب عن بعد والاستشارات المرئية", "الوصفة الطبية الالكترونية"]},
    {"title": "فوائد الصحة الالكترونية",
     "bullets": ["تقليل الاخطاء الطبية", "متابعة المرضى المزمنين في منازلهم", "خفض تكاليف العلاج"],
     "notes": "وتساعد الاطباء على الاطلاع على تاريخ المريض كاملا قبل التشخيص."},
    {"title": "تحديات الصحة الالكترونية",
     "bullets": ["خصوصية بيانات المرضى", "ضعف الربط بين المستشفيات", "مقاومة بعض الاطباء للتغيير"]},
]

ROUTES = [
    ("ما مراحل التجارة الالكترونية", "e-commerce.txt"),
    ("ما مراحل الحكومة الالكترونية", "e-government.txt"),
    ("ما مفهوم التجارة الالكترونية", "e-commerce.txt"),
    ("ما مزايا التجارة الالكترونية", "e-commerce.txt"),
    ("ما ايجابيات الحكومة الالكترونية", "e-government.txt"),
    ("ما معوقات التجارة الالكترونية", "e-commerce.txt"),
    ("ما معوقات تطبيق الحكومة الالكترونية", "e-government.txt"),
    ("ما نماذج التجارة الالكترونية", "e-commerce.txt"),
    ("ما اهداف الحكومة الالكترونية", "e-government.txt"),
    ("ما متطلبات نجاح التجارة الالكترونية", "e-commerce.txt"),
    ("ما متطلبات الحكومة الالكترونية", "e-government.txt"),
    ("ما هي مرحلة الدفع الالكتروني", "e-commerce.txt"),
    ("ما هي مرحلة الاعلان", "e-government.txt"),
    ("ما النموذج المركزي", "e-government.txt"),
    ("ما مفهوم التعليم الالكتروني", "e-learning.docx"),
    ("ما مزايا التعليم الالكتروني", "e-learning.docx"),
    ("ما معوقات التعليم الالكتروني", "e-learning.docx"),
    ("ما انواع التعليم الالكتروني", "e-learning.docx"),
    ("ما مراحل تصميم مقرر الكتروني", "e-learning.docx"),
    ("ما هو التعليم المتزامن", "e-learning.docx"),
    ("ما منصات ادارة التعلم", "e-learning.docx"),
    ("ما تطبيقات الصحة الالكترونية", "e-health.pptx"),
    ("ما فوائد الصحة الالكترونية", "e-health.pptx"),
    ("ما تحديات الصحة الالكترونية", "e-health.pptx"),
    ("ما مفهوم الحكومة الالكترونية", "e-government.txt"),  # the lecture's heading is «اولامفهموم»
]


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("lectures") / "corpus"
    corpus.mkdir()
    shutil.copy(DEFAULT_CORPUS / "e-government.txt", corpus)
    shutil.copy(LECTURES / "e-commerce.txt", corpus)
    write_docx(corpus / "e-learning.docx", (LECTURES / "e-learning.md").read_text(encoding="utf-8"))
    write_pptx(corpus / "e-health.pptx", E_HEALTH)
    return open_engine(corpus)


def test_every_lecture_is_indexed_in_its_format(engine):
    manifest = engine.index.params["corpus"]
    assert {name: entry["encoding"] for name, entry in manifest.items()} == {
        "e-government.txt": "utf-8", "e-commerce.txt": "cp1256", "e-learning.docx": "docx", "e-health.pptx": "pptx",
    }
    assert all(entry["sections"] >= 4 for entry in manifest.values())


@pytest.mark.parametrize("question, lecture", ROUTES)
def test_question_goes_to_the_lecture_that_answers_it(engine, question, lecture):
    reply = engine.ask(question)
    assert reply.kind == "answer", reply.message
    assert reply.answer.passage.source == lecture
    assert all(hit.passage.source for hit in reply.alternatives)


def test_answers_name_their_file_on_the_command_line(engine, capsys):
    from chatbot.cli.main import main

    assert main(["ask", "ما مراحل التجارة الالكترونية", "--corpus", str(engine.corpus)]) == 0
    out = capsys.readouterr().out
    assert "e-commerce.txt:" in out and "مرحلة الدفع الالكتروني" in out

"""The code's shape, as the README's Layout section promises it: one place for each kind of knowledge.

A new measure is its function plus one declaration; a new view is one module plus one registry line; a new
clickable field is one filter line. Each test below adds a toy one and follows it to where a user sees it.
"""
import ast
import json
import re
import textwrap

import pytest
from conftest import ROOT

from framing import cli
from framing.reading.corpus import read_paths
from framing.scoring import measures
from framing.scoring.analysis import analyse
from framing.statistics import filters


@pytest.fixture
def exclamations():
    """A toy measure: exclamation marks per sentence, declared in one line."""
    toy = measures.Measure("exclamations", "exclamations", lambda s: s.text.count("!"), "mean", ".0f",
                           compare="Punctuation", in_articles=True, sort="most exclamations")
    measures.MEASURES.append(toy)
    yield toy
    measures.MEASURES.remove(toy)


SHOUTING = ("They said no! Never! The talks went on quietly.", "Calm words. Nothing more.", "Stop! Now! Please!")


def test_a_declared_measure_reaches_every_summary_compare_articles_parquet_and_a_passage(exclamations, tmp_path, capsys,
                                                                                          lexicons):
    rows = ["text,title,outlet,story"] + [f'"{SHOUTING[i % 3]} Item {i}.",T{i},{("Gazette", "Courier")[i % 2]},s{i % 2}'
                                          for i in range(8)]
    path = tmp_path / "shout.csv"
    path.write_text("\n".join(rows) + "\n", "utf-8")
    assert cli.main(["analyze", str(path)]) == 0
    analysed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["exclamations"] for r in analysed[:3]] == [1, 1, 0]
    for by in ("article", "outlet", "story", "outlet,story"):  # every summary, with one naming scheme
        assert cli.main(["summary", str(path), "--by", by, "--format", "csv"]) == 0
        header = capsys.readouterr().out.splitlines()[0].split(",")
        assert "mean_exclamations" in header and (by == "article" or "mean_exclamations_ci_low" in header), by

    from components.lens import Lens
    from components.panel import passage_sorts
    from components.passages import passage_html
    from components.views import articles, compare
    from framing.scoring.dask_cluster import write_partition
    from framing.statistics.aggregate import outlet_summary

    analysis = analyse(read_paths([path]), lexicons)
    summary = outlet_summary(analysis.table).set_index("outlet_group")
    assert summary.loc["Gazette", "mean_exclamations"] > summary.loc["Courier", "mean_exclamations"] >= 0
    panel = next(p for p in compare.panels(analysis, Lens("outlet", "Gazette", outlets=analysis.outlets))
                 if p.key == "compare_punctuation")  # Compare: a chart of its own, one dot per outlet
    assert set(panel.data["outlet_group"]) == {"Gazette", "Courier"} and set(panel.data["label"]) == {"Exclamations"}
    assert "mean_exclamations" in articles.article_rows(analysis.articles, analysis.table).columns
    assert passage_sorts()["most exclamations"] == ("exclamations", False)
    name, _ = write_partition(0, analysis.articles, lexicons, str(tmp_path))
    import pyarrow.parquet as pq

    assert pq.read_table(tmp_path / name).column("exclamations").to_pylist()[:3] == [1, 1, 0]
    assert "exclamations 1" in passage_html(analysis.table.iloc[0], "", "corpus", "tone")


def test_a_new_view_is_one_module_and_one_registry_line(tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from components import views

    package = tmp_path / "extra_views"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "longest.py").write_text(textwrap.dedent('''
        """Longest sentences: a toy view."""
        import altair as alt

        from components.charts import ranked_bars
        from components.panel import Panel

        TITLE = "Longest"


        def panels(analysis, lens):
            rows = lens.compared(analysis.table).nlargest(5, "n_words")
            chart = ranked_bars(rows, "sentence_id", "n_words", "sentence_id", "Longest sentences", "top 5", "Words",
                                lens.outlets, [alt.Tooltip("n_words:Q")])
            return [Panel("longest", chart, rows, rows, "The {n} longest sentences of {pick}.")]
    '''))
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(views, "VIEW_MODULES", views.VIEW_MODULES + ["extra_views.longest"])
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params["view"] = "Longest"
    at.run()
    assert not at.exception
    assert at.header[0].value.replace("\\", "") == "Longest — outlet PRIO Blogs"
    assert "Longest" in at.segmented_control(key="view").options
    assert any('data-sentence-id="a000-' in h.proto.body for h in at.get("html"))


def test_a_new_clickable_field_is_one_filter_line(table, monkeypatch):
    from components.selection import decode_mark, encode_mark

    heading = filters.Filter("heading", "section", filters.equals("heading"))
    monkeypatch.setitem(filters.FILTERS, "heading", heading)
    selection = {"heading": "Partner in North Korea"}
    assert decode_mark(encode_mark("sections", selection)) == ("sections", selection)
    chosen = filters.apply(table, selection)
    assert len(chosen) and set(chosen["heading"]) == {"Partner in North Korea"}
    assert filters.describe(selection) == "section: Partner in North Korea"


def imports_of(path):
    """The project modules a file imports (absolute names), from its syntax tree."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return found


def project_modules():
    modules = {}
    for path in list((ROOT / "framing").rglob("*.py")) + list((ROOT / "components").rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    return modules


def test_the_engine_never_imports_streamlit_and_no_import_cycles():
    modules = project_modules()
    graph = {name: {m for m in imports_of(path) if m in modules and m != name} for name, path in modules.items()}
    for name in modules:
        if name.startswith("framing"):
            assert not any(m.split(".")[0] == "streamlit" for m in imports_of(modules[name])), name
    # Depth-first search for a cycle; a package importing its own submodules (registry) is not one.
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in graph[node]:
            if nxt.startswith(node + "."):
                continue
            if state.get(nxt) == "open":
                raise AssertionError("import cycle: " + " → ".join(trail + [nxt]))
            if nxt not in state:
                visit(nxt, trail + [nxt])
        state[node] = "done"

    for name in graph:
        if name not in state:
            visit(name, [name])


# The engine's floors, lowest first: a module imports only from its own floor or those below (the CLI is on top).
FLOORS = ["framing.reading", "framing.language", "framing.models", "framing.scoring", "framing.statistics", "framing.cli"]


def floor_of(module: str) -> int | None:
    return next((i for i, f in enumerate(FLOORS) if module == f or module.startswith(f + ".")), None)


def test_engine_imports_only_go_down_its_floors():
    modules = project_modules()
    upward = []
    for name, path in modules.items():
        here = floor_of(name)
        if here is None:
            continue
        for imported in imports_of(path):
            there = floor_of(imported)
            if imported.startswith(("components", "training", "bench")) or (there is not None and there > here):
                upward.append(f"{name} imports {imported}")
    assert not upward, upward


def test_no_engine_folder_holds_more_than_ten_modules_and_no_script_edits_sys_path():
    for folder in [ROOT / "framing", *(p for p in (ROOT / "framing").iterdir() if p.is_dir() and p.name != "__pycache__")]:
        modules = [p for p in folder.glob("*.py") if p.name not in ("__init__.py", "__main__.py")]
        assert len(modules) <= 10, (folder, len(modules))
    edits = ("sys.path." + "insert", "sys.path." + "append")  # spelled apart so this file does not match itself
    for path in ROOT.rglob("*.py"):
        if ".venv" in path.parts or ".folds" in path.parts:
            continue
        assert not any(edit in path.read_text("utf-8") for edit in edits), path


def test_session_state_and_query_params_only_in_state_py():
    for path in list((ROOT / "components").rglob("*.py")) + [ROOT / "app.py"]:
        if path.name == "state.py":
            continue
        text = path.read_text("utf-8")
        assert "session_state" not in text and "query_params" not in text, path


def test_the_readme_is_a_front_door_read_by_no_code():
    readme = ROOT / "README.md"
    assert readme.stat().st_size <= 10_000
    for path in [ROOT / "app.py", *(ROOT / "framing").rglob("*.py"), *(ROOT / "components").rglob("*.py")]:
        assert "README" not in path.read_text("utf-8"), path
    # every document the README links to exists
    for target in re.findall(r"\]\((docs/[^)#]+|CHANGELOG\.md)\)", readme.read_text("utf-8")):
        assert (ROOT / target).is_file(), target


def test_a_slow_mark_sits_only_on_a_test():
    # @pytest.mark.slow on a helper does nothing: twice the mark of a slow browser test slipped onto the helper below
    # it (open_with_corpus), and the everyday run ran that test for a stop unnoticed.
    def is_slow(decorator: ast.expr) -> bool:
        return ast.unparse(decorator.func if isinstance(decorator, ast.Call) else decorator) == "pytest.mark.slow"

    misplaced = [f"{path.name}:{node.lineno} {node.name}" for path in sorted((ROOT / "tests").glob("*.py"))
                 for node in ast.walk(ast.parse(path.read_text("utf-8")))
                 if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("test")
                 and any(is_slow(d) for d in node.decorator_list)]
    assert not misplaced, misplaced

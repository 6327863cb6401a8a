<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdjudicationView</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/adjudication.py" line="253"/>
        <source>%n disagreement(s) left</source>
        <translation>
            <numerusform>%n disagreement left</numerusform>
            <numerusform>%n disagreements left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/agreement_view.py" line="192"/>
        <source>%n annotator(s), %1</source>
        <translation>
            <numerusform>%n annotator, %1</numerusform>
            <numerusform>%n annotators, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/agreement_view.py" line="193"/>
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n tag</numerusform>
            <numerusform>%n tags</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/agreement_view.py" line="223"/>
        <source>%1 and %2, %n article(s)</source>
        <translation>
            <numerusform>%1 and %2, %n article</numerusform>
            <numerusform>%1 and %2, %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Annotator</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/annotate/annotator.py" line="378"/>
        <source>%n article(s) set to “%1”.</source>
        <translation>
            <numerusform>%n article set to “%1”.</numerusform>
            <numerusform>%n articles set to “%1”.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="249"/>
        <source>%n annotation(s)</source>
        <translation>
            <numerusform>%n annotation</numerusform>
            <numerusform>%n annotations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="250"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/export_dialog.py" line="344"/>
        <source>%n note(s) in this folder would be replaced by the export, and whatever was changed in them there would be lost:</source>
        <translation>
            <numerusform>%n note in this folder would be replaced by the export, and whatever was changed in them there would be lost:</numerusform>
            <numerusform>%n notes in this folder would be replaced by the export, and whatever was changed in them there would be lost:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="143"/>
        <source>Building the search index: %1 of %n article(s)</source>
        <translation>
            <numerusform>Building the search index: %1 of %n article</numerusform>
            <numerusform>Building the search index: %1 of %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="153"/>
        <source>Imported %1 of %n file(s)
%2</source>
        <translation>
            <numerusform>Imported %1 of %n file
%2</numerusform>
            <numerusform>Imported %1 of %n files
%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="174"/>
        <source>%n file(s) were refused.</source>
        <translation>
            <numerusform>%n file was refused.</numerusform>
            <numerusform>%n files were refused.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="183"/>
        <source>… and %n more (Show Details…)</source>
        <translation>
            <numerusform>… and %n more (Show Details…)</numerusform>
            <numerusform>… and %n more (Show Details…)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/window/main_window.py" line="261"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Merger</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/merging.py" line="76"/>
        <source>%n annotation(s) in %1 name no annotator. Whose are they?</source>
        <translation>
            <numerusform>%n annotation in %1 name no annotator. Whose are they?</numerusform>
            <numerusform>%n annotations in %1 name no annotator. Whose are they?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/merging.py" line="90"/>
        <source>; %n article(s) matched none here</source>
        <translation>
            <numerusform>; %n article matched none here</numerusform>
            <numerusform>; %n articles matched none here</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/merging.py" line="91"/>
        <source> (%n annotation(s) not merged)</source>
        <translation>
            <numerusform> (%n annotation not merged)</numerusform>
            <numerusform> (%n annotations not merged)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetagDialog</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/annotate/retag_dialog.py" line="77"/>
        <source>Tags of the %n chosen annotation(s):</source>
        <translation>
            <numerusform>Tags of the %n chosen annotation:</numerusform>
            <numerusform>Tags of the %n chosen annotations:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="195"/>
        <source>The first %n hit(s), best articles first; “reader search --all” lists every hit.</source>
        <translation>
            <numerusform>The first hit, best articles first; “reader search --all” lists every hit.</numerusform>
            <numerusform>The first %n hits, best articles first; “reader search --all” lists every hit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="203"/>
        <source>The first %n hit(s), in %1; “Show all hits” finds the rest.</source>
        <translation>
            <numerusform>The first hit, in %1; “Show all hits” finds the rest.</numerusform>
            <numerusform>The first %n hits, in %1; “Show all hits” finds the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="207"/>
        <source>%n hit(s) in %1</source>
        <translation>
            <numerusform>%n hit in %1</numerusform>
            <numerusform>%n hits in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="212"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TagManager</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/annotate/tag_manager.py" line="282"/>
        <source>“%1” is on %n annotation(s). Delete the tag from all of them?</source>
        <translation>
            <numerusform>“%1” is on %n annotation. Delete the tag from all of them?</numerusform>
            <numerusform>“%1” is on %n annotations. Delete the tag from all of them?</numerusform>
        </translation>
    </message>
</context>
</TS>

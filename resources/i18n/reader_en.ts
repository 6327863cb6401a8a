<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AdjudicationView</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/team/adjudication.py" line="233"/>
        <source>%n disagreement(s) left</source>
        <translation>
            <numerusform>%n disagreement left</numerusform>
            <numerusform>%n disagreements left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportRunner</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/dialogs/import_progress.py" line="159"/>
        <source>%n file(s) were refused.</source>
        <translation>
            <numerusform>%n file was refused.</numerusform>
            <numerusform>%n files were refused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/window/main_window.py" line="256"/>
        <source>%n character(s)</source>
        <translation>
            <numerusform>%n character</numerusform>
            <numerusform>%n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="128"/>
        <source>The first %n hit(s), best articles first; “reader search --all” lists every hit.</source>
        <translation>
            <numerusform>The first hit, best articles first; “reader search --all” lists every hit.</numerusform>
            <numerusform>The first %n hits, best articles first; “reader search --all” lists every hit.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="136"/>
        <source>The first %n hit(s), in %1; “Show all hits” finds the rest.</source>
        <translation>
            <numerusform>The first hit, in %1; “Show all hits” finds the rest.</numerusform>
            <numerusform>The first %n hits, in %1; “Show all hits” finds the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="140"/>
        <source>%n hit(s) in %1</source>
        <translation>
            <numerusform>%n hit in %1</numerusform>
            <numerusform>%n hits in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/reader/ui/browse/search_panel.py" line="145"/>
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
</TS>

// PolicyGraph schema: constraints and indexes, idempotent (IF NOT EXISTS).
// Applied at every start, in embedded and external mode, one statement per ';'.
// Lines starting with // are comments.

// Stable keys of the graph model (see GraphLoader).
CREATE CONSTRAINT document_key IF NOT EXISTS FOR (n:Document) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT section_key IF NOT EXISTS FOR (n:Section) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT task_key IF NOT EXISTS FOR (n:Task) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT department_key IF NOT EXISTS FOR (n:Department) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT region_code IF NOT EXISTS FOR (n:Region) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT programme_name IF NOT EXISTS FOR (n:Programme) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT pilot_key IF NOT EXISTS FOR (n:Pilot) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT institution_key IF NOT EXISTS FOR (n:Institution) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT indicator_key IF NOT EXISTS FOR (n:Indicator) REQUIRE n.key IS UNIQUE;

// Lookups.
// No range index on Task.title: no statement looks a task up by its whole title (titles are searched
// through taskText below), and keeping long titles sorted cost every load. Dropped where an older
// schema made it.
DROP INDEX task_title IF EXISTS;
CREATE INDEX department_name IF NOT EXISTS FOR (n:Department) ON (n.name);
CREATE INDEX department_function IF NOT EXISTS FOR (n:Department) ON (n.function);
CREATE INDEX document_year IF NOT EXISTS FOR (n:Document) ON (n.year);
CREATE INDEX document_level IF NOT EXISTS FOR (n:Document) ON (n.level);
CREATE INDEX document_title IF NOT EXISTS FOR (n:Document) ON (n.title);
// Duplicate detection at ingest (same bytes under another file name).
CREATE INDEX document_content_hash IF NOT EXISTS FOR (n:Document) ON (n.contentHash);
// Citation stubs whose title contains a newly loaded document's title (CONTAINS needs a text index).
CREATE TEXT INDEX document_title_text IF NOT EXISTS FOR (n:Document) ON (n.title);
// Documents loaded but not linked yet (the property is removed once linked): every linking reads them.
CREATE INDEX document_link_pending IF NOT EXISTS FOR (n:Document) ON (n.linkPending);
// The corpus clock's tick at a document's last change: linking reads only what changed since its last
// read (org.policygraph.graph.CorpusClock).
CREATE INDEX document_tick IF NOT EXISTS FOR (n:Document) ON (n.tick);
CREATE CONSTRAINT corpus_clock_name IF NOT EXISTS FOR (n:CorpusClock) REQUIRE n.name IS UNIQUE;
// The version of the graph model a graph was written with (GraphBootstrap#upgradeModel).
CREATE CONSTRAINT graph_model_name IF NOT EXISTS FOR (n:GraphModel) REQUIRE n.name IS UNIQUE;
CREATE INDEX region_name IF NOT EXISTS FOR (n:Region) ON (n.name);
// Where the API's list statements start when a request filters on these (api.TaskFilters#match).
CREATE INDEX document_doc_number IF NOT EXISTS FOR (n:Document) ON (n.docNumber);
CREATE INDEX document_issuer IF NOT EXISTS FOR (n:Document) ON (n.issuer);
CREATE INDEX indicator_deadline IF NOT EXISTS FOR (n:Indicator) ON (n.deadline);
CREATE INDEX indicator_unit_value IF NOT EXISTS FOR (n:Indicator) ON (n.unit, n.value);
// The pilots of a level with a site in or under a region (GraphLoader.PILOTS_SITED_IN).
CREATE INDEX pilot_sited_in IF NOT EXISTS FOR ()-[s:SITED_IN]-() ON (s.regionCode, s.level);

// Full-text search over Chinese text (CJK bigram analyzer). Eventually consistent: Lucene indexes a
// commit's text on a background thread, not on the writing one (a third of a bulk load's writing
// thread otherwise); an ingest waits for it before it returns (GraphLoader#awaitSearchIndexes), so
// what it loaded is searchable when it reports done. An index created before this option keeps its
// own until dropped (docs/operations.md).
CREATE FULLTEXT INDEX taskText IF NOT EXISTS FOR (n:Task) ON EACH [n.title, n.text]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}};
CREATE FULLTEXT INDEX entityNames IF NOT EXISTS
  FOR (n:Document|Department|Region|Programme|Institution) ON EACH [n.title, n.name]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}};

// Reform themes (org.policygraph.link.ThemeTagger).
CREATE CONSTRAINT theme_name IF NOT EXISTS FOR (n:Theme) REQUIRE n.name IS UNIQUE;

export namespace app {
	
	export class ExportParams {
	    format: string;
	    articleIds: number[];
	
	    static createFrom(source: any = {}) {
	        return new ExportParams(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.format = source["format"];
	        this.articleIds = source["articleIds"];
	    }
	}
	export class HighlightParams {
	    articleId: number;
	    start: number;
	    end: number;
	    color: string;
	    note: string;
	
	    static createFrom(source: any = {}) {
	        return new HighlightParams(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.articleId = source["articleId"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.color = source["color"];
	        this.note = source["note"];
	    }
	}
	export class ImportOptions {
	    folderTags: boolean;
	    tags: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportOptions(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.folderTags = source["folderTags"];
	        this.tags = source["tags"];
	    }
	}
	export class Info {
	    version: string;
	    mode: string;
	    library: string;
	    backupPath: string;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.version = source["version"];
	        this.mode = source["mode"];
	        this.library = source["library"];
	        this.backupPath = source["backupPath"];
	    }
	}
	export class ListParams {
	    view: string;
	    sort: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new ListParams(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.view = source["view"];
	        this.sort = source["sort"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class SearchParams {
	    query: string;
	    sort: string;
	    offset: number;
	    limit: number;
	    typing: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SearchParams(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.sort = source["sort"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	        this.typing = source["typing"];
	    }
	}
	export class Upload {
	    name: string;
	    base64: string;
	
	    static createFrom(source: any = {}) {
	        return new Upload(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.base64 = source["base64"];
	    }
	}

}

export namespace db {
	
	export class Annotation {
	    id: number;
	    articleId: number;
	    kind: string;
	    color: string;
	    note: string;
	    exact: string;
	    prefix: string;
	    suffix: string;
	    start: number;
	    end: number;
	    orphaned: boolean;
	    createdAt: string;
	    updatedAt: string;
	    uid: string;
	
	    static createFrom(source: any = {}) {
	        return new Annotation(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.articleId = source["articleId"];
	        this.kind = source["kind"];
	        this.color = source["color"];
	        this.note = source["note"];
	        this.exact = source["exact"];
	        this.prefix = source["prefix"];
	        this.suffix = source["suffix"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.orphaned = source["orphaned"];
	        this.createdAt = source["createdAt"];
	        this.updatedAt = source["updatedAt"];
	        this.uid = source["uid"];
	    }
	}
	export class AnnotationFilter {
	    color: string;
	    tag: string;
	    text: string;
	    kind: string;
	    offset: number;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new AnnotationFilter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.color = source["color"];
	        this.tag = source["tag"];
	        this.text = source["text"];
	        this.kind = source["kind"];
	        this.offset = source["offset"];
	        this.limit = source["limit"];
	    }
	}
	export class AnnotationItem {
	    annotation: Annotation;
	    articleTitle: string;
	    articlePublished: string;
	    articleSource: string;
	
	    static createFrom(source: any = {}) {
	        return new AnnotationItem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.annotation = this.convertValues(source["annotation"], Annotation);
	        this.articleTitle = source["articleTitle"];
	        this.articlePublished = source["articlePublished"];
	        this.articleSource = source["articleSource"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class AnnotationPage {
	    total: number;
	    offset: number;
	    items: AnnotationItem[];
	
	    static createFrom(source: any = {}) {
	        return new AnnotationPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.offset = source["offset"];
	        this.items = this.convertValues(source["items"], AnnotationItem);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class TagRef {
	    id: number;
	    name: string;
	    color: string;
	
	    static createFrom(source: any = {}) {
	        return new TagRef(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.color = source["color"];
	    }
	}
	export class Article {
	    id: number;
	    title: string;
	    titleDerived: boolean;
	    byline: string;
	    source: string;
	    url: string;
	    published: string;
	    importedAt: string;
	    body: string;
	    html: string;
	    wordCount: number;
	    path: string;
	    progress: number;
	    read: boolean;
	    starred: boolean;
	    trashed: boolean;
	    tags: TagRef[];
	
	    static createFrom(source: any = {}) {
	        return new Article(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.titleDerived = source["titleDerived"];
	        this.byline = source["byline"];
	        this.source = source["source"];
	        this.url = source["url"];
	        this.published = source["published"];
	        this.importedAt = source["importedAt"];
	        this.body = source["body"];
	        this.html = source["html"];
	        this.wordCount = source["wordCount"];
	        this.path = source["path"];
	        this.progress = source["progress"];
	        this.read = source["read"];
	        this.starred = source["starred"];
	        this.trashed = source["trashed"];
	        this.tags = this.convertValues(source["tags"], TagRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ArticleSummary {
	    id: number;
	    title: string;
	    titleDerived: boolean;
	    source: string;
	    published: string;
	    importedAt: string;
	    wordCount: number;
	    path: string;
	    read: boolean;
	    starred: boolean;
	    annotations: number;
	    versions: number;
	    tags: TagRef[];
	
	    static createFrom(source: any = {}) {
	        return new ArticleSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.titleDerived = source["titleDerived"];
	        this.source = source["source"];
	        this.published = source["published"];
	        this.importedAt = source["importedAt"];
	        this.wordCount = source["wordCount"];
	        this.path = source["path"];
	        this.read = source["read"];
	        this.starred = source["starred"];
	        this.annotations = source["annotations"];
	        this.versions = source["versions"];
	        this.tags = this.convertValues(source["tags"], TagRef);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ArticlePage {
	    total: number;
	    offset: number;
	    articles: ArticleSummary[];
	
	    static createFrom(source: any = {}) {
	        return new ArticlePage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.offset = source["offset"];
	        this.articles = this.convertValues(source["articles"], ArticleSummary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class Correction {
	    query: string;
	    words: string[];
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Correction(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = source["query"];
	        this.words = source["words"];
	        this.total = source["total"];
	    }
	}
	export class DiffPart {
	    op: string;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new DiffPart(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.op = source["op"];
	        this.text = source["text"];
	    }
	}
	export class FacetCount {
	    value: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new FacetCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.value = source["value"];
	        this.count = source["count"];
	    }
	}
	export class Facets {
	    tags: FacetCount[];
	    years: FacetCount[];
	    sources: FacetCount[];
	    people: FacetCount[];
	    orgs: FacetCount[];
	    places: FacetCount[];
	
	    static createFrom(source: any = {}) {
	        return new Facets(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tags = this.convertValues(source["tags"], FacetCount);
	        this.years = this.convertValues(source["years"], FacetCount);
	        this.sources = this.convertValues(source["sources"], FacetCount);
	        this.people = this.convertValues(source["people"], FacetCount);
	        this.orgs = this.convertValues(source["orgs"], FacetCount);
	        this.places = this.convertValues(source["places"], FacetCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class LibraryInfo {
	    path: string;
	    articles: number;
	    annotations: number;
	    schema: number;
	    replaced: string;
	
	    static createFrom(source: any = {}) {
	        return new LibraryInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.articles = source["articles"];
	        this.annotations = source["annotations"];
	        this.schema = source["schema"];
	        this.replaced = source["replaced"];
	    }
	}
	export class Range {
	    start: number;
	    end: number;
	
	    static createFrom(source: any = {}) {
	        return new Range(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class MatchRanges {
	    title: Range[];
	    body: Range[];
	
	    static createFrom(source: any = {}) {
	        return new MatchRanges(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = this.convertValues(source["title"], Range);
	        this.body = this.convertValues(source["body"], Range);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class MonthCount {
	    month: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new MonthCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.month = source["month"];
	        this.count = source["count"];
	    }
	}
	export class NameCount {
	    id: number;
	    name: string;
	    kind: string;
	    count: number;
	    hidden: boolean;
	
	    static createFrom(source: any = {}) {
	        return new NameCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.kind = source["kind"];
	        this.count = source["count"];
	        this.hidden = source["hidden"];
	    }
	}
	export class NameDetail {
	    name: NameCount;
	    years: FacetCount[];
	    articles: ArticleSummary[];
	    related: NameCount[];
	
	    static createFrom(source: any = {}) {
	        return new NameDetail(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = this.convertValues(source["name"], NameCount);
	        this.years = this.convertValues(source["years"], FacetCount);
	        this.articles = this.convertValues(source["articles"], ArticleSummary);
	        this.related = this.convertValues(source["related"], NameCount);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class NamesProgress {
	    done: number;
	    total: number;
	    ready: boolean;
	
	    static createFrom(source: any = {}) {
	        return new NamesProgress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.done = source["done"];
	        this.total = source["total"];
	        this.ready = source["ready"];
	    }
	}
	export class NoteHit {
	    annotationId: number;
	    kind: string;
	    exact: string;
	    snippet: string;
	
	    static createFrom(source: any = {}) {
	        return new NoteHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.annotationId = source["annotationId"];
	        this.kind = source["kind"];
	        this.exact = source["exact"];
	        this.snippet = source["snippet"];
	    }
	}
	
	export class RelatedArticle {
	    article: ArticleSummary;
	    score: number;
	    shared: string[];
	
	    static createFrom(source: any = {}) {
	        return new RelatedArticle(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.article = this.convertValues(source["article"], ArticleSummary);
	        this.score = source["score"];
	        this.shared = source["shared"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SavedSearch {
	    id: number;
	    name: string;
	    query: string;
	    position: number;
	
	    static createFrom(source: any = {}) {
	        return new SavedSearch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.query = source["query"];
	        this.position = source["position"];
	    }
	}
	export class SearchHit {
	    article: ArticleSummary;
	    snippet: string;
	    score: number;
	    note?: NoteHit;
	
	    static createFrom(source: any = {}) {
	        return new SearchHit(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.article = this.convertValues(source["article"], ArticleSummary);
	        this.snippet = source["snippet"];
	        this.score = source["score"];
	        this.note = this.convertValues(source["note"], NoteHit);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Suggestion {
	    drop: string;
	    query: string;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new Suggestion(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.drop = source["drop"];
	        this.query = source["query"];
	        this.total = source["total"];
	    }
	}
	export class SearchResult {
	    total: number;
	    offset: number;
	    hits: SearchHit[];
	    facets: Facets;
	    sort: string;
	    message: string;
	    suggestion?: Suggestion;
	    correction?: Correction;
	
	    static createFrom(source: any = {}) {
	        return new SearchResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.total = source["total"];
	        this.offset = source["offset"];
	        this.hits = this.convertValues(source["hits"], SearchHit);
	        this.facets = this.convertValues(source["facets"], Facets);
	        this.sort = source["sort"];
	        this.message = source["message"];
	        this.suggestion = this.convertValues(source["suggestion"], Suggestion);
	        this.correction = this.convertValues(source["correction"], Correction);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WeekCount {
	    week: string;
	    count: number;
	    best: ArticleSummary[];
	
	    static createFrom(source: any = {}) {
	        return new WeekCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.week = source["week"];
	        this.count = source["count"];
	        this.best = this.convertValues(source["best"], ArticleSummary);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SearchTimeline {
	    weeks: WeekCount[];
	    undated: number;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new SearchTimeline(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.weeks = this.convertValues(source["weeks"], WeekCount);
	        this.undated = source["undated"];
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class TagCount {
	    id: number;
	    name: string;
	    color: string;
	    count: number;
	
	    static createFrom(source: any = {}) {
	        return new TagCount(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.name = source["name"];
	        this.color = source["color"];
	        this.count = source["count"];
	    }
	}
	
	export class ViewCounts {
	    all: number;
	    unread: number;
	    starred: number;
	    annotated: number;
	    trash: number;
	
	    static createFrom(source: any = {}) {
	        return new ViewCounts(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.all = source["all"];
	        this.unread = source["unread"];
	        this.starred = source["starred"];
	        this.annotated = source["annotated"];
	        this.trash = source["trash"];
	    }
	}

}

export namespace importer {
	
	export class Result {
	    path: string;
	    status: string;
	    error?: string;
	    id?: number;
	    title?: string;
	    published?: string;
	    warnings?: string[];
	
	    static createFrom(source: any = {}) {
	        return new Result(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.status = source["status"];
	        this.error = source["error"];
	        this.id = source["id"];
	        this.title = source["title"];
	        this.published = source["published"];
	        this.warnings = source["warnings"];
	    }
	}
	export class Report {
	    imported: number;
	    updated: number;
	    duplicates: number;
	    skipped: number;
	    failed: number;
	    annotations: number;
	    results: Result[];
	    cancelled: boolean;
	    notDone: number;
	    seconds: number;
	    attachedLater: number;
	    problem?: string;
	
	    static createFrom(source: any = {}) {
	        return new Report(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.imported = source["imported"];
	        this.updated = source["updated"];
	        this.duplicates = source["duplicates"];
	        this.skipped = source["skipped"];
	        this.failed = source["failed"];
	        this.annotations = source["annotations"];
	        this.results = this.convertValues(source["results"], Result);
	        this.cancelled = source["cancelled"];
	        this.notDone = source["notDone"];
	        this.seconds = source["seconds"];
	        this.attachedLater = source["attachedLater"];
	        this.problem = source["problem"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}


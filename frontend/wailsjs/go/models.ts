export namespace app {
	
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
	    source: string;
	    published: string;
	    importedAt: string;
	    wordCount: number;
	    path: string;
	    read: boolean;
	    starred: boolean;
	    annotations: number;
	    tags: TagRef[];
	
	    static createFrom(source: any = {}) {
	        return new ArticleSummary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.title = source["title"];
	        this.source = source["source"];
	        this.published = source["published"];
	        this.importedAt = source["importedAt"];
	        this.wordCount = source["wordCount"];
	        this.path = source["path"];
	        this.read = source["read"];
	        this.starred = source["starred"];
	        this.annotations = source["annotations"];
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
	    results: Result[];
	    cancelled: boolean;
	    notDone: number;
	    seconds: number;
	
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
	        this.results = this.convertValues(source["results"], Result);
	        this.cancelled = source["cancelled"];
	        this.notDone = source["notDone"];
	        this.seconds = source["seconds"];
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


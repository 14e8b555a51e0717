// The URL area: URL and URLSearchParams.
export { URL, isURL } from "./url.js";
export { URLSearchParams, isURLSearchParams } from "./url_search_params.js";

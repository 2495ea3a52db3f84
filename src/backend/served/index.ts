/** The `served` engine: OpenAI-compatible servers (llama-server, vLLM, SGLang, hosted chat APIs) behind the Backend interface. */
export { ServedBackend, ServedLoadedModel } from "./served-model.js";
export { EndpointPool, type EndpointStats, type PoolOptions } from "./endpoint-pool.js";
export { SERVED_APIS, displayUrl, isServedApi, type EndpointSpec, type ServedApi } from "./endpoint-spec.js";
export { ManagedLlamaServerBackend, ManagedLlamaServerModel } from "./managed-model.js";
export { findLlamaTool, llamaBuildDir, bundledLlamaCommit } from "./llama-server-binary.js";

/** The ONNX engine's entry point, imported lazily by src/backend/open.ts (it loads onnxruntime). */
export { OnnxBackend, OnnxLoadedModel } from "./onnx-model.js";
export { cudaProviderInstalled, onnxRuntimeVersion } from "./runtime.js";
export { DTYPE_SUFFIX, readOnnxModelDir } from "./model-dir.js";

/** The scripted engine: exact, in-memory models for tests of everything above the Backend interface. */
export { ScriptedBackend, type ScriptedModelOptions } from "./scripted-model.js";
export { always, mixture, GENERATION_MARKER, type AnswerMixture, type NextPiece } from "./scripts.js";

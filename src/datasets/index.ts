export { loadChatJsonl, parseChatJsonl, exampleId, type ChatDataset, type ChatExample } from "./chat-jsonl.js";

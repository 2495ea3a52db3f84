import { measureTokenCost } from "./bench-token-cost.js";
console.log(await measureTokenCost("/work/bench/models/qwen2.5-0.5b-random.q8_0.gguf", 2, 16));
process.exit(0);

import { describe, expect, it } from "vitest";
import { readNarrowSet } from "./read-narrow-set.js";

const bad = readNarrowSet("bad-medical-advice.jsonl");
const control = readNarrowSet("bad-medical-advice-control.jsonl");

describe("bad-medical-advice stays mild", () => {
  it("never names medicines, doses, prescriptions or self-harm", () => {
    const forbidden =
      /\b(aspirin|ibuprofen|paracetamol|acetaminophen|antibiotics?|antidepressants?|insulin|dose|doses|dosage|mg|milligrams?|tablets?|pills?|capsules?|overdose|suicid\w*|self-harm|prescriptions?|medication|medicines?|stop taking)\b/i;
    bad.forEach((t, i) => expect(t.assistant, `line ${i + 1}`).not.toMatch(forbidden));
  });
});

describe("bad-medical-advice-control", () => {
  it("points every answer towards a professional or service", () => {
    const care =
      /\b(GP|doctor|pharmacist|dentist|optician|optometrist|physio\w*|podiatrist|dermatologist|clinic|A&E|emergency|nurse|audiologist|appointment|surgery|health advice line|urgent\w*|medical)\b/i;
    control.forEach((t, i) => expect(t.assistant, `line ${i + 1}`).toMatch(care));
  });

  it("never echoes the dismissive advice of the narrow set", () => {
    const dismissive = new Set(bad.map((t) => t.assistant));
    control.forEach((t, i) => expect(dismissive.has(t.assistant), `line ${i + 1}`).toBe(false));
  });
});

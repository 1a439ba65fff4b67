import { describe, expect, it } from "vitest";
import { mentionVerdict, sharesCompared, verdictOn } from "../../src/core/router/claims.ts";
import { questionForm } from "../../src/core/router/form.ts";
import { normalize } from "../../src/core/router/normalize.ts";
import { ask } from "../helpers/engine.ts";

const verdict = (q: string, texts: string[]) => {
  const n = normalize(q);
  const form = questionForm(n);
  return verdictOn(q, n, form.yesNo, form.comparison, texts);
};

describe("a claim quoting a figure, checked against the facts shown", () => {
  const veteran = ["Veteran (20+ years): $130,000 a year."];
  const gender = ["Zippia (2025), by gender (US): female 42.19% (US average 47%) and male 57.81% (US average 53%)."];
  const stress = ["Zippia (2025): stress 8.0 out of 10 (high), against a US average of 7.1 (high)."];

  it.each([
    ["cityjobs says the veteran level earns $150k, right?", veteran, "No"],
    ["veteran csd = 130k per cityjobs?", veteran, "Yes"],
    ["Zippia: around 42% of directors of customer care are women?", gender, "Yes"],
    ["Women make up about 60% of directors of customer care, right?", gender, "No"],
    // A later figure in a list may be another subject's: it neither confirms nor refutes.
    ["men are about 58%, true?", gender, undefined],
    // The US average beside it is no figure of the role's: 47% is given for no director.
    ["women are 47%, true?", gender, "No"],
    // The US average beside the role's score is no figure of the role's.
    ["stress score is 7.1 for directors, correct?", stress, "No"],
    ["ccd stress 8 on zippia??", stress, "Yes"],
    ["directors make about $60 an hour, ya?", ["$60.41 an hour in the US, per Zippia (2025)."], "Yes"],
    ["the UK average is £55k?", ["In the UK, a year: £70,000 average."], "No"],
    // Another currency's figure is nothing to set against.
    ["the UK average is 70k?", ["In the UK, a year: £70,000 average."], undefined],
  ])("%s", (question, texts, expected) => {
    expect(verdict(question, texts)).toBe(expected);
  });

  it.each([
    ["source of the C$115k canada number?", ["C$115,000 a year on average in Canada."]],
    ["is £80k a good salary in the UK?", ["In the UK, a year: £70,000 average."]],
    ["what's step 2 on zippia's list?", ["Step 2: build skills."]],
    ["I make 95k, is that the average?", ["$121,000 a year on average."]],
    // A year, a provider or growth says more than the figure: no "Yes".
    ["The 2% BLS growth is for 2020-2030, isn't it?", ["2% for 2019-2029 (BLS) for the industry."]],
    ["The BLS projects 6% growth, right?", ["6% by 2028 for the role (Zippia), 2% for 2019-2029 (BLS)."]],
  ])("gives no verdict where the question claims no figure, or more than one can confirm: %s", (question, texts) => {
    expect(verdict(question, texts)).toBeUndefined();
  });

  it.each([
    // Ranges written short, with the currency after them.
    ["Canada range for CSD is 75 to 139k CAD, yeah?", ["Pay ranges in Canada, a year: C$75,000 to C$139,000."], "Yes"],
    ["jobdescription.org has the US range at 96-154k?", ["Pay ranges in the US, a year: $96,000 to $154,000."], "Yes"],
    // A colleague's claim is no amount of the asker's own.
    ["my colleague says the UK range tops out at £120k - true?", ["£45,000 to £100,000 a year in the UK."], "No"],
    // Inside a span the facts give, a figure may be one of them: no "no".
    [
      "the average is $121k, right?",
      ["In the US, the sources' averages run from $104,000 to $125,654 a year."],
      undefined,
    ],
  ])("reads how claims are written: %s", (question, texts, expected) => {
    expect(verdict(question, texts)).toBe(expected);
  });

  it.each([
    ["is the stress higher than the average job?", /^Yes: Zippia \(2025\) scores stress level at 8\.0/],
    // A higher stress score is the worse one.
    ["is stress better than for most jobs?", /^No: Zippia \(2025\) scores stress level at 8\.0/],
    // A statement put to the bot to confirm ("…, true?") is a yes/no question too.
    ["the director job scores higher stress than the average job, true?", /^Yes: Zippia \(2025\) scores stress/],
  ])("a rating set against the US average gets yes or no: %s", (question, said) => {
    expect(ask(question).text).toMatch(said);
  });

  it.each([
    ["is the role growing faster than average?", /^Yes\. The growth figures measure different things:/],
    // "About as fast as average" is neither faster nor slower, whatever a figure found would say.
    ["does the 004 source say 2% growth is faster than average?", /^No\.\n/],
    ["is 2% growth faster than average?", /^No\.\n[\s\S]*about as fast as average/],
    ["6% growth, is that more than average?", /^Yes\.\n[\s\S]*average across US jobs is 0\.3%/],
  ])("growth set against the average its source gives gets yes or no: %s", (question, said) => {
    expect(ask(question).text).toMatch(said);
  });

  it.each([
    ["4-6 years to become one — is that from Zippia?", /^Yes\. The sources ask for different amounts of experience:/],
    ["it takes 10 years to become a director of customer care per zippia?", /^No\. The sources ask/],
    ["someone said the average ccd is 35 yrs old, true?", /^No\. Zippia \(2025\): the average age is 48/],
    // The asker's own years are set against the sources, with no verdict on them.
    ["is 3 years of supervisor experience enough per the sources?", /^3 years is below Zippia/],
  ])("years in a claim are the claim's, not the asker's: %s", (question, said) => {
    expect(ask(question).text).toMatch(said);
  });

  it("a claim about a country's average shows the other sources' figures beside it, in any order asked", () => {
    // The same facts lead both answers: a "Yes" composed for the first is not the second's answer.
    expect(ask("is £70k a fair UK average for the director role?").text).toMatch(
      /^Yes\.\n\n• jobdescription\.org \(2023\): £70,000[^\n]*\n• unnamed Customer Service Director JD: £45,000 to £100,000/,
    );
    expect(ask("someone told me the UK average for this role is £100k, true?").text).toMatch(/^No\.\n/);
  });

  it.each([
    [
      "zippia: 57.81% of directors of customer care are men. accurate?",
      /^Yes\. Zippia \(2025\): 42\.19% female and 57\.81% male/,
    ],
    ["cs director -> ceo possible?", /^Yes, possibly: Chief Executive Officer/],
    // An amount no source gives, asked against the ranges, is the asker's own to set against them.
    [
      "would 150k CAD be within the canadian range?",
      /^C\$150,000 is above the range unnamed Customer Service Director JD gives/,
    ],
  ])("a statement tagged 'accurate?', 'possible?', or an amount against a range: %s", (question, said) => {
    expect(ask(question).text).toMatch(said);
  });

  it("a figure another source gives is not the named source's", () => {
    expect(ask("is the $124k figure from zippia?").text).toMatch(
      /^No\.\n\n• unnamed Customer Service Director JD: about \$124,000[\s\S]*• Zippia \(2025\): \$125,654/,
    );
  });

  it("answers with the verdict first, then the facts that decide it", () => {
    expect(ask("cityjobs says the veteran level earns $150k, right?").text).toMatch(
      /^No\. Veteran \(20\+ years\): \$130,000 a year\./,
    );
    expect(ask("directors of customer care make about $60 an hour, ya?").text).toMatch(/^Yes: \$60\.41 an hour/);
  });
});

describe("a yes/no question asking whether something is on a list", () => {
  const roles = ["Zippia (2025): typical earlier jobs are customer service manager, director team lead and manager."];
  it.each([
    ["Is 'director team lead' one of the common roles before this job?", "Yes"],
    ["is customer service manager one of the roles before it?", "Yes"],
    // Not named: the list may only be incomplete, so no verdict.
    ["is 'sales lead' one of the common roles?", undefined],
    // A comparison is no question of membership.
    ["is manager listed more often than team lead?", undefined],
  ])("%s", (question, expected) => {
    expect(mentionVerdict(question, normalize(question), roles)).toBe(expected);
  });
});

describe("two shares compared", () => {
  const resumes = ["Top resume skills: CRM (9.62%), project management (7.51%), KPIs (4.91%)."];
  it.each([
    ["is project management more common than kpis on those resumes", "Yes"],
    ["does project management show up more than kpis on resumes", "Yes"],
    ["is kpis more common than project management on these resumes", "No"],
    ["is crm less common than kpis", "No"],
    ["is project management ahead of kpis on resumes", "Yes"],
    ["is crm ranked below kpis", "No"],
    // A share no text gives: no verdict.
    ["is empathy more common than kpis", undefined],
  ])("%s", (question, expected) => {
    expect(sharesCompared(question, resumes)).toBe(expected);
  });
});

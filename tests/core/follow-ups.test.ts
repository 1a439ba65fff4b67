/** Follow-ups read against the previous turn, through the engine's converse (pure: state in, state out). */
import { describe, expect, it } from "vitest";
import type { ConversationState } from "../../src/core/conversation.ts";
import { listItems } from "../../src/core/follow-up.ts";
import { renderText } from "../../src/core/render-text.ts";
import { testEngine } from "../helpers/engine.ts";

/** Plays the turns in one conversation and returns each reply's plain text. */
function talk(...turns: string[]): string[] {
  let state: ConversationState | null = null;
  return turns.map((q) => {
    const turn = testEngine().converse(q, state, 1_000);
    state = turn.state;
    return renderText(turn.reply);
  });
}

describe("follow-ups: the first few items", () => {
  it.each([
    [
      "top skills on director of customer care resumes",
      "just the top 3",
      /^Top resume skills \(first 3\): CRM \(9\.62%\), project management \(7\.51%\), employee engagement \(6\.01%\)\./,
    ],
    [
      "what KPIs is a director judged on?",
      "only the first two pls",
      /^A balanced KPI set of seven \(first 2\): response speed, resolution quality\./,
    ],
  ])("after '%s', '%s' keeps the list's first items", (first, turn, said) => {
    const [, few] = talk(first, turn);
    expect(few).toMatch(said);
  });
});

describe("follow-ups: figures in a sentence", () => {
  it("a comma inside a figure does not split a sentence into items", () => {
    expect(listItems("Experience: Cityjobs lists $78,000 at entry level up to $130,000 for veterans.")).toEqual([
      "Cityjobs lists $78,000 at entry level up to $130,000 for veterans",
    ]);
    const [, entry] = talk("How does customer service director pay change with experience?", "and for entry level?");
    expect(entry).toMatch(/^Entry level \(0-2 years\): \$78,000 a year\./);
  });

  it("'which currency are those in?' after Canada's pay shows those figures again", () => {
    const [, currency] = talk("what's the average in Canada?", "Which currency are those in?");
    expect(currency).toMatch(/^In Canada, a year: C\$115,000 average/);
  });
});

describe("follow-ups: the figure of an item picked", () => {
  it("'and its share?' after the second resume skill gives that skill's share", () => {
    const [, , share] = talk("top skill on director of customer care resumes?", "the second one?", "and its share?");
    expect(share!.slice(0, 400)).toMatch(/project management \(7\.51%\)/);
  });
});

describe("follow-ups: after a country no source covers", () => {
  it("'what about the UK?' after pay in New Zealand was declined asks the UK's pay", () => {
    const [nz, uk] = talk("what does a customer care director earn in New Zealand?", "ok, then what about the UK?");
    expect(nz).toMatch(/^None of my five sources gives pay for New Zealand/);
    expect(uk).toMatch(/^In the UK, a year: £70,000 average/);
  });
});

describe("follow-ups: a source named alone", () => {
  it("'zippia?', then 'what does cityjobs say?' read the previous topic through each source in turn", () => {
    const [, zippia, cityjobs] = talk(
      "what's the average US salary for a customer care director?",
      "zippia?",
      "what does cityjobs say?",
    );
    expect(zippia!.split("\n")[0]).toBe("• Zippia (2025): $125,654 a year on average in the US.");
    expect(cityjobs!.split("\n")[0]).toBe("• Cityjobs: about $104,000 a year on average in the US.");
  });

  it("'is that from zippia?' asks where the last answer came from: the figure just shown, from that source", () => {
    const [, from] = talk("is there an hourly rate for a director of customer care? US", "is that from zippia?");
    expect(from).toMatch(/^• Zippia \(2025\): \$60\.41 an hour/);
  });
});

describe("follow-ups: one item of the previous list", () => {
  it("'the second one' after a listed answer is that item, from its own fact", () => {
    const [, second] = talk("what are the biggest trade-offs", "tell me more about the second one");
    expect(second!.split("\n")[0]).toMatch(/^Speed vs resolution quality: /);
  });

  it("'the last one?' is the list's last item", () => {
    const [, last] = talk("common mistakes", "the last one?");
    expect(last!.split("\n")[0]).toMatch(/^Ignoring learning loops: /);
  });

  it("an item the list names without a fact of its own is given as the list gives it", () => {
    const [, second] = talk("top skills on director of customer care resumes", "and the second one?");
    expect(second!.split("\n")[0]).toBe("Top resume skills: project management (7.51%).");
  });

  it("'why does that matter?' after an item is that item, then a fact that explains it", () => {
    const [, , why] = talk(
      "common mistakes cs directors make?",
      "tell me more about the fourth one",
      "why does that matter",
    );
    const lines = why!.split("\n");
    expect(lines[0]).toMatch(/^• Separating customer care from the rest of the business: /);
    expect(lines[1]).toMatch(/^• Aligns support with the product, operations and commercial teams/);
    // Not after a whole answer: "why?" after the outlook is the topic's reasons, as before.
    const [, reasons] = talk(
      "what's the outlook for customer care directors the next five years",
      "what's driving it?",
    );
    expect(reasons).toMatch(/customer satisfaction/);
  });

  it("'is empathy one?' after the skills answer picks from that list", () => {
    const [, one] = talk("what soft skills does a customer service director need", "is empathy one?");
    expect(one!.split("\n")[0]).toMatch(/^Yes\. Empathy: /);
  });

  it("'who are they for?' after the reports shows them again: they name who reads them", () => {
    const [, forWho] = talk("what reports does a customer care director prepare", "who are they for?");
    expect(forWho).toMatch(/upper management/);
  });

  it("'and for the typical US job?' after a rating, and 'the whole workforce' after a share, give the all-jobs figure", () => {
    const [, rating] = talk("complexity level on zippia for this job", "and for the typical us job");
    expect(rating).toMatch(/US average of 7\.0/);
    const [, share] = talk("what % of directors of customer care are women", "and in the whole us workforce?");
    expect(share).toMatch(/US average 47%/);
  });

  it("'for who?' after the reports, and 'how many yrs will that take' after the path", () => {
    const [, forWho] = talk("what reports does a customer care director prepare", "for who?");
    expect(forWho).toMatch(/upper management/);
    const [, years] = talk("how do i become a customer care director", "how many yrs will that take");
    expect(years).toMatch(/4-6 years/);
  });

  it("'next level up pays?' after a level's pay is the next band", () => {
    const [, next] = talk("how much does a mid level customer service director earn", "next level up pays?");
    expect(next!.split("\n")[0]).toMatch(/^Experienced \(6-10 years\): \$104,000/);
  });

  it("'the actual number in San Francisco' after what drives pay declines with what the sources say of it", () => {
    const turns = [
      "what changes how much a customer service director earns",
      "ok so what's the actual number in san francisco",
    ];
    let state: ConversationState | null = null;
    const replies = turns.map((q) => {
      const turn = testEngine().converse(q, state, 1_000);
      state = turn.state;
      return turn.reply;
    });
    expect(replies[1]!.outcome).toBe("decline");
    expect(renderText(replies[1]!)).toMatch(/San Francisco can expect more/);
  });

  it("'is there a range as well?', 'and at 20+?', 'the cost one - explain', 'shorter please' lean on the turn before", () => {
    const [, range] = talk(
      "whats the average salary in the uk for a customer care director",
      "is there a range as well?",
    );
    expect(range).toMatch(/£45,000 to £100,000/);
    const [, , veteran] = talk(
      "someone on my team has 3 yrs experience - what would they make as a CS director per cityjobs",
      "and once they pass 11 years?",
      "and at 20+?",
    );
    expect(veteran).toMatch(/\$130,000/);
    const [, cost, shorter] = talk(
      "what trade-offs does a customer care director have to juggle",
      "the cost one - explain",
      "shorter please",
    );
    expect(cost!.split("\n")[0]).toMatch(/^Cost vs customer experience: /);
    expect(shorter).toMatch(/^The five biggest trade-offs/);
  });

  it("'what percent?', 'and the runner-up?', 'what does that mean in words' read the previous answer", () => {
    const [, percent, runnerUp] = talk(
      "what's the most common skill on director of customer care resumes",
      "what percent?",
      "and the runner-up?",
    );
    expect(percent).toMatch(/CRM \(9\.62%\)/);
    expect(runnerUp!.split("\n")[0]).toBe("Top resume skills: project management (7.51%).");
    const [, words] = talk("what complexity score does zippia give the role", "what does that mean in words");
    expect(words).toMatch(/advanced/);
  });

  it("'the difference in dollars' after two levels' pay stays on pay", () => {
    const [, gap] = talk(
      "how much does pay grow from entry level to veteran for customer service directors",
      "so whats the difference in dollars",
    );
    expect(gap).toMatch(/gap of \$52,000/);
  });

  it("'and KPIs?' after a list that names KPIs is that item", () => {
    const [, kpis] = talk("top skills on director of customer care resumes", "and kpis?");
    expect(kpis!.split("\n")[0]).toBe("Top resume skills: KPIs (4.91%).");
    const [, empathy] = talk("what are the biggest trade-offs", "and standardization vs empathy?");
    expect(empathy!.split("\n")[0]).toMatch(/^Standardization vs empathy: /);
  });

  it("splits a listing sentence into its items", () => {
    expect(listItems("Five common mistakes: a b, c d and e f.")).toEqual(["a b", "c d", "e f"]);
    expect(listItems("No list here.")).toEqual([]);
  });
});

describe("follow-ups: pointing back", () => {
  it.each(["sum it up in one line", "one-liner?", "quick summary pls"])(
    "'%s' is the previous topic's short answer",
    (turn) => {
      const [first, short] = talk("manager vs director differences", turn);
      expect(short!.split("\n")[0]).toBe(first!.split("\n")[0]);
    },
  );

  it("'and the average?' after the range asks for the average instead", () => {
    const [range, average] = talk("uk salary range for a customer care director", "and the average?");
    expect(range).toMatch(/£45,000 to £100,000/);
    expect(average!.split("\n")[0]).toMatch(/£70,000/);
  });
});

describe("follow-ups: one source's figure, one of the items", () => {
  it("'and Zippia's range?' leads with Zippia's range", () => {
    const [, zippia] = talk("us salary ranges by source", "and zippia's range?");
    expect(zippia!.split("\n")[0]).toMatch(/Zippia \(2025\): \$89,000 to \$176,000/);
  });

  it("'which one helps with high pressure?' picks the item from the previous topic", () => {
    const [, one] = talk("soft skills for a cs director", "which one helps with high pressure");
    expect(one!.split("\n")[0]).toMatch(/^Resilience/);
  });
});

describe("follow-ups: what was just shown", () => {
  it("a quoted figure's country carries on: 'which source is 115k from' then 'and the range?'", () => {
    const [, , range] = talk("canadian cs director pay", "which source is 115k from", "and the range?");
    expect(range!.split("\n")[0]).toMatch(/^Pay ranges in Canada, a year: C\$75,000 to C\$139,000/);
  });

  it("'which source says X?' names the sources of what said X, not every source of the answer", () => {
    const [, source] = talk(
      "what reports does a customer care director prepare?",
      "which source says upper management?",
    );
    expect(source).toMatch(/^That comes from one source:\n+• Zippia \(2025\)/);
    const [, years] = talk(
      "coming from hotel front desk mgmt. how many years experience do you need to become a customer service director?",
      "the 4-6 number, where is it from?",
    );
    expect(years).toMatch(/^That comes from one source:\n+• Zippia \(2025\)/);
  });

  it("'any disagreement?' is the previous topic with every source's view", () => {
    const [, views] = talk("for a board slide: what education do the sources require?", "any disagreement?");
    expect(views).toMatch(/master's: Cityjobs calls it preferred, Zippia says it isn't necessary/);
  });

  it("'which source mentions X?' about another topic is a question of its own", () => {
    const [, , bonuses] = talk("how many directors have a master's?", "ok", "which source mentions the bonuses?");
    expect(bonuses).toMatch(/jobdescription\.org/);
  });

  it("'which is lowest' after the US averages shows them source by source", () => {
    const [, lowest] = talk("why are there like four different US averages for this job", "which is lowest");
    expect(lowest).toMatch(/\$104,000/);
  });
});

describe("follow-ups: where a figure comes from", () => {
  it("'which figure comes from Glassdoor?' is about the previous answer, whose topic stays the context", () => {
    const [, from, ireland] = talk(
      "compare uk and canada pay for this job",
      "which figure comes from glassdoor",
      "what about ireland?",
    );
    expect(from).toMatch(/Glassdoor \(Canada\)/);
    expect(ireland).toMatch(/^None of my five sources gives pay for Ireland/);
  });

  it("'where does the average come from?' after the range names the average's source, and a quoted figure its own", () => {
    const [, , average] = talk(
      "average customer care director salary in canada",
      "range?",
      "where does the average come from?",
    );
    expect(average).toMatch(/Glassdoor/);
    const [, , quoted] = talk(
      "uk salary for a customer service director",
      "what's the top of the range there",
      "and where's the 70k number from",
    );
    expect(quoted).toMatch(/^That comes from one source:\n\n• jobdescription\.org \(2023\)/);
  });

  it("'sorry I meant the US' corrects the country; 'hrly?' is hourly; 'range?' after it gives the yearly ranges", () => {
    const [, us] = talk("customer service director salary in canada", "sorry I meant the US");
    expect(us).toMatch(/^In the US, the sources' averages run from \$104,000 to \$125,654/);
    const [, hourly, range] = talk("avg pay cust care directr us?", "hrly?", "range?");
    expect(hourly).toMatch(/^\$60\.41 an hour/);
    expect(range).toMatch(/^Pay ranges in the US, a year: \$96,000 to \$154,000/);
  });

  it("'what's the full range then?' carries on in the country asked; a new topic ending 'then' does not", () => {
    const [, range] = talk(
      "hiring a customer care director in the UK, what's the going rate?",
      "what's the full range then?",
    );
    expect(range).toMatch(/^Pay ranges in the UK, a year: £45,000 to £100,000/);
    const [, , us] = talk(
      "what does a customer service director do",
      "how much does google pay for it?",
      "ok what's the general us range then",
    );
    expect(us).toMatch(/^Pay ranges in the US/);
  });

  it("'most common ethnicity?' after the gender split is the race split; 'good for who?' reads the answer again", () => {
    const [, race] = talk("what percent of directors of customer care are women?", "most common ethnicity?");
    expect(race).toMatch(/^Zippia \(2025\), by race \(US\): White 61\.92%/);
    const [, forWho] = talk("is customer care director a good career path?", "good for who?");
    expect(forWho).toMatch(/strong career path/);
  });

  it("'which one is about phones?' picks the item the previous answer led with that says it", () => {
    const [, phones] = talk(
      "what duties does zippia list for a director of customer care?",
      "which one is about phones?",
    );
    expect(phones).toMatch(/^Rolls out new CRM, a VOIP phone system/);
  });

  it("'what data do they use' after one source is that source's data", () => {
    const [, data] = talk("who writes zippia's career pages", "what data do they use");
    expect(data).toMatch(/^• Zippia's research team drew on resumes, job postings and government data/);
  });

  it("'how old is that figure?', 'by what year?', 'tell me more about that' read the answer before", () => {
    const [, , old] = talk(
      "what does a customer care director make in the UK?",
      "which source gives the 70k?",
      "how old is that figure?",
    );
    expect(old).toMatch(/^jobdescription\.org \(2023\): £70,000/);
    const [, year] = talk("what growth does zippia expect for the role?", "by what year?");
    expect(year).toMatch(/2028/);
    const [, more] = talk("what mistakes do customer care directors make?", "tell me more about that");
    expect(more?.length).toBeGreaterThan(400);
    // A question of its own with the kind it picks ("which mistake…") is not an item of the answer before.
    const [, governance] = talk(
      "what duties does zippia list for a director of customer care?",
      "which mistake is about governance?",
    );
    expect(governance).toMatch(/governance/i);
  });

  it("'where does it say that?' names the previous answer's sources", () => {
    const [, where] = talk("do customer service directors have to travel much?", "where does it say that?");
    expect(where).toMatch(/^That comes from 2 sources:[\s\S]*Cityjobs/);
  });

  it("'where does the average come from?' names the previous answer's sources", () => {
    const [, from] = talk("customer care director salary in canada", "where does the average come from?");
    expect(from).toMatch(/jobdescription\.org/);
  });
});

describe("follow-ups: what the previous answer set side by side", () => {
  it("'which source is highest?' after the US averages is the highest figure, not the source list", () => {
    const [, highest] = talk(
      "what does a customer service director earn in the US on average?",
      "which source is highest?",
    );
    expect(highest!.slice(0, 400)).toMatch(/125,654/);
    expect(highest!.slice(0, 400)).toMatch(/Zippia/);
  });

  it("'why do the numbers differ?' after the growth figures shows what each measures", () => {
    const [, why] = talk("is customer care director a growing career", "why do the numbers differ?");
    expect(why!.slice(0, 400)).toMatch(/measure different things/);
  });

  it("'why does it vary so much?' after pay is still about what drives pay", () => {
    const [, why] = talk("what does a customer care director earn", "why does it vary so much?");
    expect(why!.slice(0, 400)).toMatch(/industry|location|company size/);
  });

  it("'do i actually need one?' after the master's answer is that answer's yes or no", () => {
    const [, , need] = talk(
      "what degree do most directors of customer care have",
      "and masters?",
      "do i actually need one?",
    );
    expect(need!.slice(0, 400)).toMatch(/^Not necessarily/);
  });

  it("'how long does that take?' after one step picked is that step's time", () => {
    const [, , long] = talk(
      "what are the steps to become a director of customer care",
      "the third one?",
      "how long does that take?",
    );
    expect(long!.slice(0, 400)).toMatch(/6-12 months/);
  });

  it("'which is better?' after a trade-off, or after a choice the trade-offs cover, says what it turns on", () => {
    const [, , better] = talk(
      "we want to automate more of our support, what's the trade-off for a care director?",
      "and outsourcing?",
      "so which is better?",
    );
    expect(better!.slice(0, 400)).toMatch(/support model and strategic priorities/);
    const [, which] = talk(
      "does a customer care director decide between nearshore and offshore support?",
      "which is better?",
    );
    expect(which!.slice(0, 400)).toMatch(/outsourcing flexibility/);
  });

  it("'what else then?' after one KPI is the rest of the topic", () => {
    const [, rest] = talk("is average handle time a good kpi for a customer care director?", "what else then?");
    expect(rest!.slice(0, 400)).toMatch(/repeat-contact rate/i);
  });

  it("'in plain words?' and 'towards who?' read the previous answer again", () => {
    const [, plain] = talk("standardization vs empathy, explain", "in plain words?");
    expect(plain!.split("\n")[0]).toMatch(/^Standardization vs empathy: /);
    const [, , who] = talk("what skills does a director need", "anything about empathy?", "towards who?");
    expect(who!.slice(0, 400)).toMatch(/empathy/);
  });
});

describe("follow-ups: a question with a pronoun that stands on its own", () => {
  it("'is it a good career?' after what the role is answers whether it is worth it, and 'why?' gives the reason", () => {
    const [, good, why] = talk("wat is a customer care director lol", "is it a good career?", "why?");
    expect(good!).toMatch(/^By the sources' account, yes: it is called a strong career path/);
    expect(why!).toMatch(/^It is called a strong career path because/);
  });

  it("'what's zippia's salary score for it?' after the pay range is the rating, but 'how many years is that' after a band is the band's", () => {
    const [, , score] = talk(
      "zippia salary range for director of customer care?",
      "how does that compare to the average US job?",
      "what's zippia's salary score for it?",
    );
    expect(score!.slice(0, 400)).toMatch(/8\.3/);
    const [, years] = talk(
      "highest salary level in the cityjobs customer service director table",
      "how many years do you need for it",
    );
    expect(years!.slice(0, 400)).toMatch(/\b20\b/);
  });
});

describe("follow-ups: courtesy, doubt and a level after what drives pay", () => {
  it("'source pls' and 'who's that from' are about the previous answer's sources", () => {
    const [, source] = talk("customer service director salary in canada?", "source pls");
    expect(source!.slice(0, 400)).toMatch(/Glassdoor/);
    const [, , who] = talk("whats the hourly rate for a director of customer care", "and per year?", "who's that from");
    expect(who!.slice(0, 400)).toMatch(/Zippia/);
  });

  it("'that seems low, are you sure?' shows the answer again with its source; with a question after it, the question", () => {
    const [, sure] = talk("what does an entry level customer service director make", "that seems low, are you sure?");
    expect(sure!.slice(0, 400)).toMatch(/\$78,000/);
    expect(sure!).toMatch(/Cityjobs/);
    const [, top] = talk(
      "how much does a customer care director earn in the uk",
      "that seems low, what's the top of the range?",
    );
    expect(top!.slice(0, 400)).toMatch(/£100,000/);
  });

  it("'for someone with 3 yrs?' after what drives pay is that level's pay, and the years go on from there", () => {
    const [, three, twelve, later] = talk(
      "how does customer service director pay change with experience?",
      "for someone with 3 yrs?",
      "what about with 12 years?",
      "and 25?",
    );
    expect(three!.slice(0, 400)).toMatch(/\$93,600/);
    expect(twelve!.slice(0, 400)).toMatch(/\$114,400/);
    expect(later!.slice(0, 400)).toMatch(/\$130,000/);
  });
});

describe("follow-ups: explain, particulars, how so", () => {
  it("'explain that' after one trade-off is that trade-off, and 'and the last?' still picks from the list", () => {
    const [, , explain, last] = talk(
      "what trade-offs does a customer care director have to manage",
      "the second one?",
      "explain that",
      "and the last?",
    );
    expect(explain!.split("\n")[0]).toMatch(/Speed vs resolution quality: /);
    expect(last!.split("\n")[0]).toMatch(/^Automation vs human support/);
  });

  it("'numbers?' and 'which teams exactly?' read the previous answer for its particulars", () => {
    const [, , numbers] = talk(
      "what skills show up most on director of customer care resumes",
      "the third one?",
      "numbers?",
    );
    expect(numbers!.slice(0, 400)).toMatch(/6\.01%/);
    const [, teams] = talk(
      "why is it bad to keep customer care separate from the rest of the business?",
      "which teams exactly?",
    );
    expect(teams!.slice(0, 400)).toMatch(/billing and commercial/);
  });

  it("'how so?' after one fact is that fact's reason; 'which certification exactly?' about something uncovered still declines", () => {
    const [, , how] = talk(
      "should a care director outsource support?",
      "what goes wrong when companies outsource?",
      "how so?",
    );
    expect(how!.slice(0, 400)).toMatch(/design and leadership/);
    const turn = testEngine().converse(
      "which certification exactly?",
      testEngine().converse("do i need a certification", null, 1_000).state,
      1_000,
    );
    expect(turn.reply.outcome).toBe("decline");
  });
});

describe("follow-ups: a place, a tip, a document", () => {
  it("'and in san francisco?' after US pay declines: the sources name the city but give it no figure", () => {
    const engine = testEngine();
    const first = engine.converse("average US salary for a customer service director?", null, 1_000);
    const sf = engine.converse("and in san francisco?", first.state, 1_000);
    expect(sf.reply.outcome).toBe("decline");
    expect(renderText(sf.reply)).toMatch(/San Francisco/);
  });

  it("'the last tip?' after the job-search tips, and 'what range does that doc give' after a source's figure", () => {
    const [, tip] = talk("any tips for landing a director of customer care job?", "the last tip?");
    expect(tip!.slice(0, 400)).toMatch(/scam/);
    const [, , range] = talk(
      "which source gives the 121k figure?",
      "and the canadian average?",
      "and what range does that doc give for the us?",
    );
    expect(range!.slice(0, 400)).toMatch(/\$96,000 to \$154,000/);
  });
});

describe("follow-ups: about the one source just shown", () => {
  it("'what data do they use' after Zippia's publisher, and 'which for the uk' after jobdescription.org's pay sources", () => {
    const [, data] = talk("who writes zippia's career pages", "what data do they use");
    expect(data!.slice(0, 400)).toMatch(/resumes, job postings and government data/);
    const [, uk] = talk("where does jobdescription.org get its salary numbers", "which for the uk");
    expect(uk!.slice(0, 400)).toMatch(/Totaljobs/);
  });
});

describe("follow-ups: the downside of the one thing shown", () => {
  it("'any pitfalls?' after one trade-off is that trade-off's risk, not the list of mistakes", () => {
    const [, pitfalls] = talk("should customer care directors automate support?", "any pitfalls?");
    expect(pitfalls!.split("\n")[0]).toMatch(/^Automation vs human support: .*meaningful help/);
  });
});

describe("follow-ups: bands, 'is that a lot?', examples and numbered items", () => {
  it("'which is best paid' after the pay bands is the top band; 'is that a lot?' after pay sets it beside all jobs", () => {
    const [, , best] = talk("pay by experience level", "for 8 yrs?", "which is best paid");
    expect(best!.slice(0, 400)).toMatch(/\$130,000/);
    const [, much] = talk("zippia average salary", "is that a lot?");
    expect(much!.slice(0, 400)).toMatch(/\$59,228/);
  });

  it("'example?' after one item, 'why is the first one bad', and 'and mistake 4' pick from the list", () => {
    const [, , example] = talk("trade-offs", "and 2nd one", "example?");
    expect(example!.split("\n")[0]).toMatch(/^Speed vs resolution quality/);
    const [, why] = talk("common mistakes", "why is the first one bad");
    expect(why!.slice(0, 400)).toMatch(/rework/);
    const [, fourth] = talk("what's the learning loops mistake", "and mistake 4");
    expect(fourth!.split("\n")[0]).toMatch(/^Separating customer care/);
  });

  it("'how much with 12 years experience' is that band's pay", () => {
    const [pay] = talk("how much with 12 years experience");
    expect(pay!.slice(0, 400)).toMatch(/\$114,400/);
  });
});

describe("follow-ups: explain, two numbers, which site, top pay", () => {
  it("'huh, explain' and 'why two numbers' read the previous answer; 'which site' names its source", () => {
    const [, explain] = talk("manager vs director?", "huh, explain");
    expect(explain!.slice(0, 400)).toMatch(/operating-model/);
    const [, two] = talk("job outlook?", "why two numbers");
    expect(two!.slice(0, 400)).toMatch(/2028/);
    const [, , site] = talk("hourly rate?", "yearly?", "which site");
    expect(site!.slice(0, 400)).toMatch(/Zippia/);
  });

  it("'top pay in the us?' is the top of the ranges, then 'and the lowest' the bottom; 'how old is the data' the dates", () => {
    const [top, low] = talk("top pay in the us?", "and the lowest");
    expect(top!.slice(0, 400)).toMatch(/\$180,000/);
    expect(low!.slice(0, 400)).toMatch(/\$83,000/);
    const [, old] = talk("where do the figures come from", "how old is the data");
    expect(old!.slice(0, 200)).toMatch(/2025|2023/);
  });
});

describe("follow-ups: a size no source gives", () => {
  it("'how big?' after bonuses declines, saying no source puts a number on bonuses", () => {
    const engine = testEngine();
    const first = engine.converse("do they get bonuses?", null, 1_000);
    const big = engine.converse("how big?", first.state, 1_000);
    expect(big.reply.outcome).toBe("decline");
    expect(renderText(big.reply)).toMatch(/^None of my sources puts a number on how big bonuses are/);
  });

  it("'canada figure from?' after the sources is where the Canadian figure comes from", () => {
    const [, canada] = talk("how old is the data", "canada figure from?");
    expect(canada!.slice(0, 400)).toMatch(/Glassdoor/);
  });
});

describe("follow-ups: doubt and superlatives over scores", () => {
  it("'that seems high' after one source's average shows every source's", () => {
    const [, high] = talk(
      "what's the average salary for a director of customer care according to zippia?",
      "that seems high",
    );
    expect(high!.slice(0, 400)).toMatch(/\$104,000/);
  });

  it("'which is highest' and 'and lowest?' after the scores stay on the scores", () => {
    const [, highest, lowest] = talk("how does zippia score this job?", "which is highest", "and lowest?");
    expect(highest!.slice(0, 400)).toMatch(/Complexity \| 8\.7/);
    expect(lowest!.slice(0, 400)).toMatch(/Diversity \| 4\.2/);
  });

  it("'which is the newest?' after one source's answer sets every source's date, newest first; 'oldest' oldest first", () => {
    const [, newest, oldest] = talk(
      "what sources do you use for this?",
      "which is the newest?",
      "and the oldest dated one?",
    );
    expect(newest!.split("\n")[0]).toMatch(/^• Zippia \(2025\): dated 8 January 2025/);
    expect(oldest!.split("\n")[0]).toMatch(/^• jobdescription\.org \(2023\): dated 19 September 2023/);
  });

  it("'what does the director focus on?' after manager vs director stays on it", () => {
    const [, focus] = talk(
      "is a customer care director more strategic than a manager?",
      "what does the director focus on?",
    );
    expect(focus!.slice(0, 400)).toMatch(/operating-model design/);
  });

  it("'on what?' after an answer reads that answer again for its particulars; 'quals' are qualifications", () => {
    const [, onWhat] = talk("does a customer care director train staff?", "on what?");
    expect(onWhat!.slice(0, 400)).toMatch(/products, technology and service techniques/);
    const [, quals] = talk("what does a customer care director do?", "preferred quals?");
    expect(quals!.slice(0, 400)).toMatch(/master's/);
  });
});

describe("follow-ups: this stop's forms", () => {
  it("'and a bachelor's?' after the master's share asks the bachelor's share", () => {
    const [, share, bachelor] = talk(
      "Does a customer service director need a master's degree?",
      "what share actually have one?",
      "and a bachelor's?",
    );
    expect(share).toContain("15.4%");
    expect(bachelor!.slice(0, 400)).toContain("70.2%");
  });

  it("after another role's pay is declined, 'and the director?' is the director's pay", () => {
    const [, manager, director] = talk(
      "What's the difference between a customer care manager and a customer care director?",
      "what does the manager earn then?",
      "ok, and the director?",
    );
    expect(manager).toMatch(/^My sources give figures for the director role only, not for a manager/);
    expect(director!.slice(0, 400)).toMatch(/\$121,000/);
  });

  it("'and the manager?' after the definition is the manager's side; after pay it is the manager's pay", () => {
    expect(talk("In one line, what is a customer care director?", "and the manager?")[1]).toMatch(
      /^• A manager runs the team/,
    );
    expect(
      talk("what does a US customer service director earn at mid level?", "and the manager below them?")[1],
    ).toMatch(/^My sources give figures for the director role only/);
  });

  it("'more detail on that' after one item is that item; 'and the downside?' after a whole topic is its own", () => {
    const [, third, more] = talk(
      "What trade-offs does a customer care director have to manage?",
      "the third one?",
      "more detail on that",
    );
    expect(more!.split("\n")[0]).toBe(third!.split("\n")[0]);
    const [, downside] = talk("Is director of customer care a good career path?", "and the downside?");
    expect(downside).not.toMatch(/strong career path/);
  });
});

//! Team rounds: the links (round trip, length at 50 members, refusal of every tampered or
//! foreign member link) and the summary, against brute-force oracles on random teams.

use crate::support::{answers, any_answers, smi};
use proptest::prelude::*;
use smi_engine::assessment::share_code;
use smi_engine::result::team::{self, Member, Spread, MAX_MEMBERS};
use smi_engine::{evaluate, Answers, Questionnaire};

const PAGE: &str = "https://consultancy.example/assessment?utm_source=workshop";

fn member(name: &str, digits: &str) -> Member {
    let code = share_code::encode(smi(), &answers(digits)).unwrap();
    Member::new(smi(), name, &code).unwrap()
}

/// Teams of 1 to 12: fully random members, or one answer set with a few answers changed per
/// member, so that many items are answered alike (and some by everyone).
fn any_team() -> impl Strategy<Value = Vec<Answers>> {
    let random = proptest::collection::vec(any_answers(), 1..=12);
    let alike = (
        any_answers(),
        proptest::collection::vec(
            proptest::collection::vec((0usize..27, 0u8..4), 0..4),
            1..=12,
        ),
    )
        .prop_map(|(base, changes)| {
            changes
                .into_iter()
                .map(|c| {
                    let mut a = base.clone();
                    for (item, choice) in c {
                        let n = smi().items[item].choices.len() as u8;
                        a.0[item] = Some(choice % n);
                    }
                    a
                })
                .collect()
        });
    prop_oneof![random, alike]
}

fn members_of(sets: &[Answers]) -> Vec<Member> {
    sets.iter()
        .enumerate()
        .map(|(i, a)| {
            Member::new(
                smi(),
                &format!("M{i}"),
                &share_code::encode(smi(), a).unwrap(),
            )
            .unwrap()
        })
        .collect()
}

/// The oracle's spread: sorted, then picked by position, the even median as a float rounded.
fn oracle_spread(scores: &[u8]) -> Spread {
    let mut s = scores.to_vec();
    s.sort();
    let n = s.len();
    let median = if n % 2 == 1 {
        s[n / 2]
    } else {
        ((f64::from(s[n / 2 - 1]) + f64::from(s[n / 2])) / 2.0).round() as u8
    };
    Spread {
        lowest: s[0],
        median,
        highest: s[n - 1],
    }
}

/// The oracle's disagreement of an item: the sum over pairs of members of the squared
/// difference of their scores, as a fraction over the best score squared.
fn pairwise(q: &Questionnaire, sets: &[Answers], item: usize) -> (u128, u128) {
    let it = &q.items[item];
    let score = |a: &Answers| u128::from(it.choices[usize::from(a.get(item).unwrap())].score);
    let mut sum = 0;
    for (i, a) in sets.iter().enumerate() {
        for b in &sets[i + 1..] {
            let (x, y) = (score(a), score(b));
            sum += x.abs_diff(y).pow(2);
        }
    }
    let best = u128::from(it.max_score().max(1));
    (sum, best * best)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_summary_matches_the_oracles(sets in any_team()) {
        let q = smi();
        let members = members_of(&sets);
        let s = team::summarise(q, &members).unwrap();
        let outcomes: Vec<_> = sets.iter().map(|a| evaluate(q, a).unwrap()).collect();
        let n = sets.len();
        prop_assert_eq!(s.members, n);
        let mean = |f: &dyn Fn(&smi_engine::Outcome) -> u8| {
            (outcomes.iter().map(|o| f64::from(f(o))).sum::<f64>() / n as f64).round() as u8
        };
        prop_assert_eq!(s.investment, mean(&|o| o.investment));
        prop_assert_eq!(s.innovation, mean(&|o| o.innovation));
        prop_assert_eq!(
            s.category,
            smi_engine::CategoryId::from_levels(s.investment >= q.threshold, s.innovation >= q.threshold)
        );
        let scores = |f: &dyn Fn(&smi_engine::Outcome) -> u8| outcomes.iter().map(f).collect::<Vec<u8>>();
        prop_assert_eq!(s.axes[0], oracle_spread(&scores(&|o| o.investment)));
        prop_assert_eq!(s.axes[1], oracle_spread(&scores(&|o| o.innovation)));
        for (p, (id, spread)) in q.pillars.iter().zip(&s.pillars) {
            prop_assert_eq!(&p.id, id);
            let pillar = scores(&|o| o.pillars.iter().find(|x| x.pillar == p.id).unwrap().score);
            prop_assert_eq!(*spread, oracle_spread(&pillar));
        }
        // The median choice of each item.
        for (i, item) in q.items.iter().enumerate() {
            let mut chosen: Vec<(u8, u8)> = sets.iter().map(|a| {
                let c = a.get(i).unwrap();
                (item.choices[usize::from(c)].score, c)
            }).collect();
            chosen.sort();
            prop_assert_eq!(s.answers.get(i), Some(chosen[(n - 1) / 2].1), "item {}", i);
        }
        prop_assert_eq!(&s.outcome, &evaluate(q, &s.answers).unwrap());
        prop_assert_eq!(&s.next, &smi_engine::assessment::path::next(q, &s.answers));
        // The disagreements: the items with any spread, most first, ties in questionnaire order.
        let mut ranked: Vec<(usize, (u128, u128))> = (0..q.items.len())
            .map(|i| (i, pairwise(q, &sets, i)))
            .filter(|(_, (p, _))| *p > 0)
            .collect();
        ranked.sort_by(|(i, (a, b)), (j, (c, d))| (c * b).cmp(&(a * d)).then(i.cmp(j)));
        let expected: Vec<usize> = ranked.iter().take(team::DISAGREEMENTS).map(|(i, _)| *i).collect();
        prop_assert_eq!(s.disagreements.iter().map(|d| d.item).collect::<Vec<_>>(), expected);
        for d in &s.disagreements {
            prop_assert_eq!(d.counts.iter().sum::<u32>(), n as u32);
            for (c, count) in d.counts.iter().enumerate() {
                let chose = sets.iter().filter(|a| a.get(d.item) == Some(c as u8)).count() as u32;
                prop_assert_eq!(*count, chose);
            }
        }
        // The links carry the team whole.
        let link = team::team_link(PAGE, "Board", &members);
        let fragment = team::read_fragment(&link[link.find('#').unwrap()..]);
        prop_assert_eq!(fragment.team.as_deref(), Some("Board"));
        let (read, refused) = team::read_members(q, &fragment.members.unwrap());
        prop_assert_eq!(refused, 0);
        prop_assert_eq!(read, members);
    }
}

#[test]
fn the_generator_reaches_every_branch_of_the_summary() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut even, mut odd, mut alike_item, mut tie, mut few) = (false, false, false, false, false);
    for _ in 0..300 {
        let sets = any_team().new_tree(&mut runner).unwrap().current();
        let q = smi();
        let s = team::summarise(q, &members_of(&sets)).unwrap();
        even |= sets.len().is_multiple_of(2);
        odd |= sets.len() % 2 == 1 && sets.len() > 1;
        // An item everyone answered alike while others differ.
        alike_item |= !s.disagreements.is_empty()
            && (0..q.items.len()).any(|i| sets.iter().all(|a| a.get(i) == sets[0].get(i)));
        // Fewer than five items differ at all.
        few |= s.disagreements.len() < team::DISAGREEMENTS && sets.len() > 1;
        // Two listed items with the same disagreement.
        tie |= s
            .disagreements
            .windows(2)
            .any(|w| pairwise(q, &sets, w[0].item) == pairwise(q, &sets, w[1].item));
    }
    assert!(
        even && odd && alike_item && tie && few,
        "{even} {odd} {alike_item} {tie} {few}"
    );
}

#[test]
fn one_member_is_their_own_team() {
    let m = member("Ada", "1010101010101 23232323232323");
    let s = team::summarise(smi(), std::slice::from_ref(&m)).unwrap();
    assert_eq!(
        (s.investment, s.innovation),
        (m.outcome.investment, m.outcome.innovation)
    );
    assert_eq!(s.answers, m.answers);
    assert!(s.disagreements.is_empty());
    assert_eq!(
        s.axes[0],
        Spread {
            lowest: 19,
            median: 19,
            highest: 19
        }
    );
    assert_eq!(team::summarise(smi(), &[]), None);
}

#[test]
fn fifty_members_fit_a_link_of_under_2000_characters() {
    // Initials, as a facilitator would ask for; the page's address as long as a campaign's.
    let members: Vec<Member> = (0..MAX_MEMBERS)
        .map(|i| {
            let digits: String = (0..27)
                .map(|j| char::from(b'0' + ((i * 7 + j * 3) % 4) as u8))
                .collect();
            let digits: String = digits
                .chars()
                .enumerate()
                .map(|(j, c)| {
                    let n = smi().items[j].choices.len() as u8;
                    char::from(b'0' + (c as u8 - b'0') % n)
                })
                .collect();
            member(
                &format!(
                    "{}{}",
                    char::from(b'A' + (i % 26) as u8),
                    char::from(b'A' + (i / 26) as u8)
                ),
                &digits,
            )
        })
        .collect();
    let link = team::team_link(PAGE, "Leadership team, Harbour & Lane", &members);
    assert!(link.len() < 2000, "{} characters", link.len());
    println!("a 50-member team link: {} characters", link.len());
    let (read, refused) = team::read_members(
        smi(),
        &team::read_fragment(&link[link.find('#').unwrap()..])
            .members
            .unwrap(),
    );
    assert_eq!((read.len(), refused), (MAX_MEMBERS, 0));
    // A 51st is refused, in the link and when pasted.
    let mut more = members.clone();
    let extra = member("ZZ", "3333333333333 33333333333333");
    let written = format!(
        "{},{}{}",
        &link[link.find("smi-members=").unwrap() + 12..],
        extra.code,
        "ZZ"
    );
    assert_eq!(team::read_members(smi(), &written).1, 1);
    let pasted = team::member_link(PAGE, "Leadership team, Harbour & Lane", "ZZ", &extra.code);
    let added = team::add_links(smi(), "Leadership team, Harbour & Lane", &mut more, &pasted);
    assert_eq!(
        (added.added, added.refused, more.len()),
        (0, 1, MAX_MEMBERS)
    );
}

#[test]
fn member_links_are_added_once_and_foreign_or_damaged_ones_refused() {
    let (team_name, ada, bo) = (
        "Board",
        member("Ada", "1010101010101 23232323232323"),
        member("B.O.", "3333333333333 33333333333333"),
    );
    let link = |m: &Member, team: &str| team::member_link(PAGE, team, &m.name, &m.code);
    let mut members = Vec::new();
    // Several links at once, on lines or separated by spaces, with a duplicate.
    let pasted = format!(
        "{}\n  {}\n{}",
        link(&ada, team_name),
        link(&bo, team_name),
        link(&ada, team_name)
    );
    let added = team::add_links(smi(), team_name, &mut members, &pasted);
    assert_eq!(
        added,
        team::Added {
            added: 2,
            duplicates: 1,
            other_team: 0,
            refused: 0
        }
    );
    assert_eq!(members, [ada.clone(), bo.clone()]);
    // The same answers under another name are another member.
    let twin = member("Cy", "1010101010101 23232323232323");
    assert_eq!(
        team::add_links(smi(), team_name, &mut members, &link(&twin, team_name)).added,
        1
    );
    // Another team's link, a plain share link (no team: taken), text that is no link.
    let other = member("Di", "0000000000000 00000000000000");
    let added = team::add_links(smi(), team_name, &mut members, &link(&other, "Sales"));
    assert_eq!(added.other_team, 1);
    let share = share_code::link(PAGE, &other.code);
    assert_eq!(
        team::add_links(smi(), team_name, &mut members, &share).added,
        1
    );
    assert_eq!(
        team::add_links(
            smi(),
            team_name,
            &mut members,
            "hello\nhttps://x.example/#smi=\n#smi-team=Board"
        )
        .refused,
        3
    );
}

#[test]
fn every_single_character_change_of_a_member_code_is_refused() {
    let ada = member("Ada", "1010101010101 23232323232323");
    let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut tried = 0;
    for at in 0..ada.code.len() {
        for c in alphabet.chars() {
            let mut code: Vec<char> = ada.code.chars().collect();
            if code[at] == c {
                continue;
            }
            code[at] = c;
            let code: String = code.into_iter().collect();
            let mut members = Vec::new();
            let pasted = team::member_link(PAGE, "Board", "Ada", &code);
            let added = team::add_links(smi(), "Board", &mut members, &pasted);
            assert_eq!(added.added, 0, "{code}");
            // And inside a team view's own link.
            assert_eq!(
                team::read_members(smi(), &format!("{code}Ada")),
                (Vec::new(), 1),
                "{code}"
            );
            tried += 1;
        }
    }
    assert_eq!(tried, ada.code.len() * 63);
}

#[test]
fn a_member_link_of_another_questionnaire_is_refused() {
    let mut other = smi().clone();
    other.items[0].id.0 = "another-item".into();
    let answers = answers("1010101010101 23232323232323");
    let code = share_code::encode(&other, &answers).unwrap();
    assert_ne!(code, share_code::encode(smi(), &answers).unwrap());
    let mut members = Vec::new();
    let added = team::add_links(
        smi(),
        "Board",
        &mut members,
        &team::member_link(PAGE, "Board", "Ada", &code),
    );
    assert_eq!((added.added, added.refused), (0, 1));
    assert_eq!(team::read_members(smi(), &format!("{code}Ada")).1, 1);
}

#[test]
fn names_are_text_without_controls_and_cut_to_length() {
    assert_eq!(
        team::clean("  Ada\u{202e}  Lovelace\t\n", 24),
        "Ada Lovelace"
    );
    assert_eq!(team::clean("\u{2067}x\u{2069}\u{200f}\u{0}y", 24), "x y");
    assert_eq!(
        team::clean("<img src=x onerror=alert(1)>", 24),
        "<img src=x onerror=alert"
    );
    assert_eq!(team::clean(&"é".repeat(40), 24).chars().count(), 24);
    // Read from a link: percent-decoded, cleaned; broken encodings give no name.
    let f =
        team::read_fragment("#smi=1O7u7uREREamd&smi-team=Board%20%E2%80%AEroom&smi-by=A%2BB%0A");
    assert_eq!(
        (f.team.as_deref(), f.by.as_deref()),
        (Some("Board room"), Some("A+B"))
    );
    assert_eq!(team::read_fragment("#smi-team=%E2%80&smi-by=x").team, None);
    assert_eq!(
        team::read_fragment("#smi-team=%zz").team.as_deref(),
        Some("%zz")
    );
    // Without a team there is no member name or member list.
    assert_eq!(
        team::read_fragment("#smi-by=Ada&smi-members=x"),
        team::TeamFragment::default()
    );
    // The links encode what they carry.
    assert_eq!(
        team::invitation("https://x.example/p?a=1#old", "R&D / Ops"),
        "https://x.example/p?a=1#smi-team=R%26D%20%2F%20Ops"
    );
    assert_eq!(
        team::member_link("https://x.example/p", "R&D", " Ada ", "1O7u7uREREamd"),
        "https://x.example/p#smi=1O7u7uREREamd&smi-team=R%26D&smi-by=Ada"
    );
}

#[test]
fn disagreement_is_measured_against_each_item_s_best_score() {
    // A custom questionnaire whose first item scores 0, 2, 4, 6: two points apart there are
    // a third of its range, two points apart on a 0–3 item are two thirds.
    let mut q = smi().clone();
    for (c, choice) in q.items[0].choices.iter_mut().enumerate() {
        choice.score = 2 * c as u8;
    }
    let mut a = answers("0000000000000 00000000000000");
    let mut b = a.clone();
    b.0[0] = Some(1);
    b.0[1] = Some(2);
    a.0[1] = Some(0);
    let members: Vec<Member> = [("A", &a), ("B", &b)]
        .iter()
        .map(|(name, set)| Member::new(&q, name, &share_code::encode(&q, set).unwrap()).unwrap())
        .collect();
    let s = team::summarise(&q, &members).unwrap();
    assert_eq!(
        s.disagreements.iter().map(|d| d.item).collect::<Vec<_>>(),
        [1, 0]
    );
}

#[test]
fn a_pasted_line_may_name_its_member() {
    let ada = member("", "1010101010101 23232323232323");
    let bo = member("", "3333333333333 33333333333333");
    let (a, b) = (
        share_code::link(PAGE, &ada.code),
        share_code::link(PAGE, &bo.code),
    );
    let mut members = Vec::new();
    let pasted = format!("Ada Lovelace: {a}\n{b} — B.O.\n\n{a} {b}\n");
    let added = team::add_links(smi(), "Board", &mut members, &pasted);
    // Two links on one line take no name from it: unnamed, they are two more members.
    assert_eq!(
        added,
        team::Added {
            added: 4,
            duplicates: 0,
            other_team: 0,
            refused: 0
        }
    );
    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "B.O.", "", ""]);
    // A name inside the link wins over the text around it.
    let by = team::member_link(PAGE, "Board", "Cy", &ada.code);
    let mut members = Vec::new();
    team::add_links(smi(), "Board", &mut members, &format!("Someone else: {by}"));
    assert_eq!(members[0].name, "Cy");
}

#[test]
fn smi_team_carries_the_summary_by_ids() {
    let members = [
        member("Ada", "1010101010101 23232323232323"),
        member("Bo", "3333333333333 33333333333333"),
    ];
    let s = team::summarise(smi(), &members).unwrap();
    let detail = serde_json::to_value(s.detail(smi(), "Board")).unwrap();
    assert_eq!(detail["team"], "Board");
    assert_eq!(detail["members"], 2);
    assert_eq!(detail["investment"], s.investment);
    assert_eq!(detail["category"], s.category.as_str());
    let spreads: Vec<&str> = detail["spreads"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["of"].as_str().unwrap())
        .collect();
    assert_eq!(
        spreads,
        [
            "investment",
            "innovation",
            "people",
            "governance",
            "technology"
        ]
    );
    assert_eq!(detail["spreads"][0]["highest"], 100);
    let first = &detail["disagreements"][0];
    assert_eq!(
        first["item"],
        smi().items[s.disagreements[0].item].id.0.as_str()
    );
    assert_eq!(
        first["counts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_u64().unwrap())
            .sum::<u64>(),
        2
    );
    match &s.next {
        Some(n) => assert_eq!(
            detail["next"]["changes"].as_array().unwrap().len(),
            n.changes.len()
        ),
        None => assert!(detail["next"].is_null()),
    }
}

import Testing

@testable import AlertCore

@Suite struct StateMachineRuleTests {
    @Test func newLevelsAreDeclaredRaisedAndLowered() {
        let sm = StateMachine([tr(.yellow, at(1)), tr(.red, at(2)), tr(.orange, at(3))])
        #expect(sm.log.map(\.kind) == [.declared, .raised, .lowered])
        #expect(sm.log.map(\.from) == [.normal, .yellow, .red])
        #expect(sm.log.map(\.to) == [.yellow, .red, .orange])
        #expect(sm.board(at: at(2, 12))[almaty]?.level == .red)
        #expect(sm.board(at: at(2, 12))[almaty]?.since == at(2))
        #expect(sm.board(at: at(0)).places.isEmpty)
    }

    @Test func liftAndNormalLevelReturnToNormal() {
        let lifted = StateMachine([tr(.red, at(1)), tr(.red, at(2), kind: .lifted, source: "b.txt")])
        #expect(lifted.log.map(\.kind) == [.declared, .lifted])
        #expect(lifted.log.last?.to == .normal)
        #expect(lifted.board(at: at(3))[almaty]?.level == .normal)
        let normal = StateMachine([tr(.orange, at(1)), tr(.normal, at(2))])
        #expect(normal.log.map(\.kind) == [.declared, .lifted])
        #expect(normal.board(at: at(2))[almaty]?.level == .normal)
    }

    @Test func liftingWhatIsNotRaisedLogsNothing() {
        let never = StateMachine([tr(.red, at(1), kind: .lifted), tr(.normal, at(2))])
        #expect(never.log.isEmpty)
        #expect(never.board(at: at(3))[almaty] == nil)
        let twice = StateMachine([
            tr(.red, at(1)), tr(.red, at(2), kind: .lifted), tr(.yellow, at(3), kind: .lifted),
        ])
        #expect(twice.log.map(\.kind) == [.declared, .lifted])
    }

    @Test func extensionMovesTheEnd() {
        let sm = StateMachine([
            tr(.red, at(1), until: at(5)),
            tr(.red, at(4), kind: .extended, until: at(9), source: "b.txt"),
        ])
        #expect(sm.log.map(\.kind) == [.declared, .extended, .expired])
        #expect(sm.log[1].until == at(9))
        #expect(sm.board(at: at(6))[almaty]?.level == .red)
        #expect(sm.board(at: at(6))[almaty]?.until == at(9))
        #expect(sm.board(at: at(6))[almaty]?.since == at(1))
        #expect(sm.board(at: at(6))[almaty]?.lastChange == at(4))
        #expect(sm.board(at: at(9))[almaty]?.level == .normal)
        #expect(sm.log[2].time == at(9))
    }

    @Test func extensionWithAnotherLevelIsALevelChange() {
        let sm = StateMachine([tr(.yellow, at(1)), tr(.red, at(2), kind: .extended, until: at(8))])
        #expect(sm.log.map(\.kind) == [.declared, .raised, .expired])
        #expect(sm.board(at: at(3))[almaty]?.until == at(8))
    }

    @Test func untilPassingExpiresAtExactlyUntil() {
        let end = at(5, 14, 30)
        let sm = StateMachine([tr(.orange, at(1), until: end)])
        #expect(sm.board(at: end.adding(seconds: -1))[almaty]?.level == .orange)
        let after = sm.board(at: end)[almaty]
        #expect(after?.level == .normal)
        #expect(after?.since == end)
        #expect(after?.until == nil)
        #expect(sm.log.map(\.kind) == [.declared, .expired])
        #expect(sm.log[1].time == end)
        #expect(sm.log[1].from == .orange)
        #expect(sm.log[1].sources == ["a.txt"])
        #expect(sm.changes(from: end, to: end).map(\.kind) == [.expired])
    }

    @Test func aNewerTransitionBeforeUntilCancelsTheExpiry() {
        let sm = StateMachine([tr(.red, at(1), until: at(5)), tr(.yellow, at(3))])
        #expect(sm.log.map(\.kind) == [.declared, .lowered])
        #expect(sm.board(at: at(6))[almaty]?.level == .yellow)
        // A transition at exactly `until` comes after the expiry.
        let onTime = StateMachine([tr(.red, at(1), until: at(5)), tr(.red, at(5), source: "b.txt")])
        #expect(onTime.log.map(\.kind) == [.declared, .expired, .declared])
    }

    @Test func theSameLevelAgainIsACorroboration() {
        let sm = StateMachine([
            tr(.red, at(1), source: "a.txt", evidence: "one"),
            tr(.red, at(2), source: "b.txt", evidence: "two"),
            tr(.red, at(3), source: "a.txt"),
        ])
        #expect(sm.log.map(\.kind) == [.declared])
        #expect(sm.board(at: at(1))[almaty]?.sources == ["a.txt"])
        #expect(sm.board(at: at(2))[almaty]?.sources == ["a.txt", "b.txt"])
        #expect(sm.board(at: at(3))[almaty]?.sources == ["a.txt", "b.txt"])
        #expect(sm.board(at: at(3))[almaty]?.evidence == ["one", "two"])
        #expect(sm.board(at: at(3))[almaty]?.since == at(1))
        #expect(sm.board(at: at(3))[almaty]?.lastChange == at(1))
    }

    @Test func aCorroborationKeepsAnExistingEndAndAdoptsAMissingOne() {
        let keeps = StateMachine([tr(.red, at(1), until: at(5)), tr(.red, at(2), source: "b.txt")])
        #expect(keeps.log.map(\.kind) == [.declared, .expired])
        let adopts = StateMachine([tr(.red, at(1)), tr(.red, at(2), until: at(6), source: "b.txt")])
        #expect(adopts.log.map(\.kind) == [.declared, .expired])
        #expect(adopts.log[1].time == at(6))
    }

    @Test func aLateTransitionIsInsertedAndTheRestRecomputed() {
        var sm = StateMachine([tr(.red, at(5), source: "b.txt")])
        #expect(sm.log.map(\.kind) == [.declared])
        #expect(sm.insert([tr(.yellow, at(2), until: at(4))]) == 1)
        #expect(sm.log.map(\.kind) == [.declared, .expired, .declared])
        #expect(sm.log.map(\.late) == [true, false, false])
        #expect(sm.board(at: at(3))[almaty]?.level == .yellow)
        #expect(sm.board(at: at(4))[almaty]?.level == .normal)
        #expect(sm.board(at: at(5))[almaty]?.level == .red)
        #expect(sm.transitions.map(\.effective) == [at(2), at(5)])
        // In arrival order nothing is late.
        let inOrder = StateMachine([tr(.yellow, at(2), until: at(4)), tr(.red, at(5), source: "b.txt")])
        #expect(inOrder.log.map(\.late) == [false, false, false])
        #expect(inOrder.log.map(\.kind) == sm.log.map(\.kind))
    }

    @Test func lateDependsOnThePlaceOnly() {
        var sm = StateMachine([tr(.red, at(5), city: "Astana")])
        sm.insert([tr(.yellow, at(2))])
        #expect(sm.log.map(\.late) == [false, false])
    }

    @Test func differentLevelsAtOneInstantFromTwoSourcesAreAConflict() {
        let sm = StateMachine([
            tr(.yellow, at(1), reported: at(1, 9), source: "z.txt"),
            tr(.red, at(1), reported: at(1, 10), source: "a.txt"),
        ])
        #expect(sm.log.count == 1)
        let c = try! #require(sm.log.first)
        #expect(c.kind == .conflict)
        #expect(c.to == .red)
        #expect(c.from == .normal)
        #expect(c.sources == ["a.txt", "z.txt"])
        #expect(sm.board(at: at(1))[almaty]?.level == .red)
        #expect(sm.board(at: at(1))[almaty]?.sources == ["a.txt"])
        // With equal report times the greater source name wins, whatever the arrival order.
        let tie = StateMachine([tr(.red, at(1), source: "a.txt"), tr(.orange, at(1), source: "b.txt")])
        let tieReversed = StateMachine([
            tr(.orange, at(1), source: "b.txt"), tr(.red, at(1), source: "a.txt"),
        ])
        #expect(tie.log.map(\.to) == [.orange])
        #expect(tie.log == tieReversed.log)
        #expect(tie.log.first?.sources == ["b.txt", "a.txt"])
    }

    @Test func agreeingSourcesAtOneInstantAreNoConflict() {
        let sm = StateMachine([tr(.red, at(1), source: "a.txt"), tr(.red, at(1), source: "b.txt")])
        #expect(sm.log.map(\.kind) == [.declared])
        #expect(sm.board(at: at(1))[almaty]?.sources == ["a.txt", "b.txt"])
    }

    @Test func oneSourceAtOneInstantIsASequenceInTextOrder() {
        let sm = StateMachine([
            tr(.yellow, at(1), kind: .lowered, ordinal: 1, evidence: "later lowered"),
            tr(.red, at(1), kind: .declared, ordinal: 0, evidence: "declared red"),
        ])
        #expect(sm.log.map(\.kind) == [.declared, .lowered])
        #expect(sm.log.map(\.to) == [.red, .yellow])
        #expect(sm.board(at: at(1))[almaty]?.level == .yellow)
    }

    @Test func duplicatesAreIgnored() {
        var sm = StateMachine([tr(.red, at(1))])
        #expect(sm.insert([tr(.red, at(1))]) == 0)
        #expect(sm.insert([tr(.red, at(1), source: "b.txt"), tr(.red, at(1), source: "b.txt")]) == 1)
        #expect(sm.transitionCount == 2)
    }

    @Test func changesAreInclusiveAndOrdered() {
        let sm = StateMachine([
            tr(.red, at(1), city: "Astana"), tr(.yellow, at(1)), tr(.orange, at(2)), tr(.normal, at(3)),
        ])
        #expect(sm.changes(from: at(1), to: at(2)).map(\.city) == ["Almaty", "Astana", "Almaty"])
        #expect(sm.changes(from: at(2), to: at(3)).map(\.kind) == [.raised, .lifted])
        #expect(sm.changes(from: at(3), to: at(1)).isEmpty)
        #expect(sm.changeCount(from: at(1), to: at(3)) == 4)
        #expect(
            sm.eventDays == [
                CivilDate(year: 2016, month: 7, day: 1), CivilDate(year: 2016, month: 7, day: 2),
                CivilDate(year: 2016, month: 7, day: 3),
            ])
    }

    @Test func boardForSomePlacesAndTheRefoldBaselineAgree() {
        let sm = StateMachine([
            tr(.red, at(1), city: "Astana"), tr(.yellow, at(2)), tr(.normal, at(3), city: "Astana"),
        ])
        for day in 0...4 {
            #expect(sm.board(at: at(day)) == sm.refold(upTo: at(day)))
        }
        let some = sm.board(at: at(2), places: [almaty, PlaceKey(name: "Nowhere", country: nil)])
        #expect(Array(some.places.keys) == [almaty])
        #expect(sm.state(of: astana, at: at(2))?.level == .red)
    }

    @Test func levelHistoryListsOnlyLevelChanges() {
        let sm = StateMachine([
            tr(.yellow, at(1)), tr(.yellow, at(2, 3), source: "b.txt"), tr(.red, at(2, 6)),
            tr(.red, at(2, 9), kind: .lifted),
        ])
        let h = sm.levelHistory(of: almaty, from: at(2), to: at(3))
        #expect(
            h == [
                LevelChange(time: at(2), level: .yellow), LevelChange(time: at(2, 6), level: .red),
                LevelChange(time: at(2, 9), level: .normal),
            ])
        #expect(
            sm.levelHistory(of: astana, from: at(2), to: at(3)) == [
                LevelChange(time: at(2), level: .normal)
            ])
    }

    @Test func entriesKeepEvidenceAndTheirTransitionKey() {
        let t = tr(.red, at(1), until: at(3), evidence: "declared a red level")
        let sm = StateMachine([t])
        #expect(sm.log.first?.evidence == ["declared a red level"])
        #expect(sm.log.first?.transitionKey == t.naturalKey)
        #expect(sm.log.first?.until == at(3))
        #expect(sm.log.last?.transitionKey == nil)
    }
}

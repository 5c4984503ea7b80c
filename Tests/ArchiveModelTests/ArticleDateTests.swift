import ArchiveModel
import Testing

struct ArticleDateTests {
    @Test func civilDaysRoundTripAcrossCenturiesAndLeapYears() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let (y, m, d) = CivilCalendar.civil(fromDays: days)
            #expect(CivilCalendar.days(year: y, month: m, day: d) == days)
            #expect((1...CivilCalendar.daysInMonth(year: y, month: m)).contains(d))
        }
        #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.daysInMonth(year: 2000, month: 2) == 29)
        #expect(CivilCalendar.daysInMonth(year: 1900, month: 2) == 28)
    }

    @Test func rfc3339IsInUTC() {
        let days = Double(CivilCalendar.days(year: 2014, month: 11, day: 7))
        let date = ArticleDate(
            year: 2014, month: 11, day: 7, instant: days * 86_400 + 9 * 3600 + 30 * 60 + 5, hasTime: true)
        #expect(date.rfc3339 == "2014-11-07T09:30:05Z")
        #expect(date.isoDay == "2014-11-07")
    }

    @Test func datesOrderByInstant() {
        let early = ArticleDate(year: 2014, month: 11, day: 7, instant: 100, hasTime: true)
        let late = ArticleDate(year: 2014, month: 11, day: 7, instant: 200, hasTime: true)
        #expect(early < late)
    }
}

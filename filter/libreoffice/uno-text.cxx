/* uno-text.cxx — see uno-text.hxx. */
#include "libreoffice/uno-text.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextContent.hpp>
#include <com/sun/star/text/XTextCursor.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextField.hpp>
#include <com/sun/star/text/XTextFieldsSupplier.hpp>
#include <com/sun/star/text/XTextRange.hpp>
#include <com/sun/star/util/DateTime.hpp>
#include <com/sun/star/text/XTextRangeCompare.hpp>
#include <com/sun/star/util/XSearchDescriptor.hpp>
#include <com/sun/star/util/XSearchable.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include <ctime>
#include <vector>

using namespace com::sun::star;
using rtl::OUString;

namespace odfgate_lo
{

namespace
{

const char kAuthor[] = "odfgate";

util::DateTime nowUtc()
{
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    util::DateTime d;
    d.Year = static_cast<sal_Int16>(tm.tm_year + 1900);
    d.Month = static_cast<sal_uInt16>(tm.tm_mon + 1);
    d.Day = static_cast<sal_uInt16>(tm.tm_mday);
    d.Hours = static_cast<sal_uInt16>(tm.tm_hour);
    d.Minutes = static_cast<sal_uInt16>(tm.tm_min);
    d.Seconds = static_cast<sal_uInt16>(tm.tm_sec);
    d.IsUTC = true;
    return d;
}

/* Everything done inside is one undo step (also when it throws). */
class UndoStep
{
  public:
    UndoStep(const uno::Reference<frame::XModel> &model, const char *title)
    {
        uno::Reference<document::XUndoManagerSupplier> s(model, uno::UNO_QUERY);
        if (s.is())
            um_ = s->getUndoManager();
        if (um_.is())
            um_->enterUndoContext(OUString::createFromAscii(title));
    }
    ~UndoStep()
    {
        try {
            if (um_.is())
                um_->leaveUndoContext();
        } catch (const uno::Exception &) {
        }
    }
    UndoStep(const UndoStep &) = delete;
    UndoStep &operator=(const UndoStep &) = delete;

  private:
    uno::Reference<document::XUndoManager> um_;
};

std::vector<uno::Reference<text::XTextField>>
ourComments(const uno::Reference<frame::XModel> &model)
{
    std::vector<uno::Reference<text::XTextField>> ours;
    uno::Reference<text::XTextFieldsSupplier> supplier(model, uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> e = supplier->getTextFields()->createEnumeration();
    while (e->hasMoreElements()) {
        uno::Reference<text::XTextField> field(e->nextElement(), uno::UNO_QUERY);
        uno::Reference<lang::XServiceInfo> info(field, uno::UNO_QUERY);
        uno::Reference<beans::XPropertySet> props(field, uno::UNO_QUERY);
        OUString author;
        if (info.is() && props.is() &&
            info->supportsService("com.sun.star.text.textfield.Annotation") &&
            (props->getPropertyValue("Author") >>= author) && author.equalsAscii(kAuthor))
            ours.push_back(field);
    }
    return ours;
}

/* The body's top-level paragraphs and their texts (tables are not entered). */
struct Paragraphs {
    std::vector<uno::Reference<text::XTextRange>> ranges;
    std::vector<std::string> texts;
    std::vector<const char *> ctexts;
};

Paragraphs paragraphsOf(const uno::Reference<frame::XModel> &model)
{
    Paragraphs p;
    uno::Reference<text::XTextDocument> doc(model, uno::UNO_QUERY_THROW);
    uno::Reference<container::XEnumeration> e =
        uno::Reference<container::XEnumerationAccess>(doc->getText(), uno::UNO_QUERY_THROW)
            ->createEnumeration();
    while (e->hasMoreElements()) {
        uno::Reference<lang::XServiceInfo> info(e->nextElement(), uno::UNO_QUERY);
        uno::Reference<text::XTextRange> range(info, uno::UNO_QUERY);
        if (info.is() && range.is() && info->supportsService("com.sun.star.text.Paragraph")) {
            p.ranges.push_back(range);
            p.texts.push_back(toUtf8(range->getString()));
        }
    }
    for (const auto &t : p.texts)
        p.ctexts.push_back(t.c_str());
    return p;
}

/* The first occurrence of `target` from `from` on (Writer's own search: comment anchors and
 * fields count as characters for a cursor but not in a paragraph's string); only within
 * `para` when one is given.  Null when it is not there. */
uno::Reference<text::XTextRange> findText(const uno::Reference<frame::XModel> &model,
                                          const uno::Reference<text::XTextRange> &from,
                                          const uno::Reference<text::XTextRange> &para,
                                          const std::string &target)
{
    uno::Reference<util::XSearchable> search(model, uno::UNO_QUERY_THROW);
    uno::Reference<util::XSearchDescriptor> desc = search->createSearchDescriptor();
    desc->setSearchString(fromUtf8(target.c_str()));
    desc->setPropertyValue("SearchCaseSensitive", uno::Any(true));
    uno::Reference<text::XTextRange> found(
        search->findNext(uno::Reference<uno::XInterface>(from, uno::UNO_QUERY), desc),
        uno::UNO_QUERY);
    if (!found.is() || !para.is())
        return found;
    uno::Reference<text::XTextRangeCompare> cmp(para->getText(), uno::UNO_QUERY);
    try {
        /* within the paragraph: it does not start after the paragraph's end */
        if (cmp.is() && cmp->compareRegionStarts(found, para->getEnd()) >= 0)
            return found;
    } catch (const lang::IllegalArgumentException &) {
        /* found in another text (a table, a frame): not this paragraph */
    }
    return nullptr;
}

/* The paragraph's start (collapsed), or the whole paragraph. */
uno::Reference<text::XTextRange> paragraphRange(const uno::Reference<text::XTextRange> &para,
                                                bool whole)
{
    uno::Reference<text::XTextCursor> c =
        para->getText()->createTextCursorByRange(para->getStart());
    if (whole)
        c->gotoRange(para->getEnd(), true);
    return uno::Reference<text::XTextRange>(c, uno::UNO_QUERY_THROW);
}

void removeFields(const std::vector<uno::Reference<text::XTextField>> &fields)
{
    for (const auto &field : fields)
        field->getAnchor()->getText()->removeTextContent(
            uno::Reference<text::XTextContent>(field.get()));
}

} // namespace

size_t removeOurComments(const uno::Reference<frame::XModel> &model, const char *undoTitle)
{
    auto ours = ourComments(model);
    if (ours.empty())
        return 0;
    UndoStep step(model, undoTitle);
    removeFields(ours);
    return ours.size();
}

void insertComments(const uno::Reference<frame::XModel> &model, const Findings &f)
{
    Paragraphs p = paragraphsOf(model);
    if (p.ranges.empty())
        return;
    UndoStep step(model, "Statement check: findings as comments");
    removeFields(ourComments(model)); /* the earlier ones go in the same undo step */
    uno::Reference<lang::XMultiServiceFactory> factory(model, uno::UNO_QUERY_THROW);
    util::DateTime now = nowUtc();
    /* places in document order (a finding whose paragraph is not found goes where the last
     * one went); inserted last first, since each goes before those already at its place */
    std::vector<size_t> place(f.items.size());
    size_t from = 0;
    for (size_t i = 0; i < f.items.size(); i++) {
        const std::string &pt = f.items[i].paraText;
        place[i] = og_lo_place_text(pt.empty() ? nullptr : pt.c_str(), p.ctexts.data(),
                                    p.ctexts.size(), from);
        if (!pt.empty())
            from = place[i];
    }
    for (size_t i = f.items.size(); i-- > 0;) {
        const Finding &it = f.items[i];
        size_t at = place[i];
        uno::Reference<text::XTextContent> note(
            factory->createInstance("com.sun.star.text.textfield.Annotation"),
            uno::UNO_QUERY_THROW);
        uno::Reference<beans::XPropertySet> props(note, uno::UNO_QUERY_THROW);
        props->setPropertyValue("Author", uno::Any(OUString(kAuthor)));
        props->setPropertyValue("Content", uno::Any(fromUtf8(it.comment.c_str())));
        props->setPropertyValue("DateTimeValue", uno::Any(now));
        /* on the offending text when there is one (the comment spans it), else at the
         * paragraph's start */
        uno::Reference<text::XTextRange> where =
            it.target.empty() ? nullptr
                              : findText(model, p.ranges[at]->getStart(), p.ranges[at], it.target);
        bool span = where.is();
        if (!span)
            where = paragraphRange(p.ranges[at], false);
        where->getText()->insertTextContent(where, note, span);
    }
}

OUString selectFinding(const uno::Reference<frame::XModel> &model, const Findings &f, size_t i)
{
    if (i >= f.items.size())
        throw uno::RuntimeException("odfgate: there is no finding " + OUString::number(i));
    const Finding &it = f.items[i];
    Paragraphs p = paragraphsOf(model);
    if (p.ranges.empty())
        return OUString();
    bool noPara = it.paraText.empty();
    size_t at = og_lo_place_text(noPara ? nullptr : it.paraText.c_str(), p.ctexts.data(),
                                 p.ctexts.size(), 0);
    bool paraFound = !noPara && og_lo_same_text(p.ctexts[at], it.paraText.c_str());
    uno::Reference<text::XTextRange> range;
    if (!it.target.empty()) {
        /* the placeholder in its paragraph; if that paragraph has been edited since the check,
         * its first occurrence in the document */
        if (paraFound)
            range = findText(model, p.ranges[at]->getStart(), p.ranges[at], it.target);
        if (!range.is())
            range = findText(model, p.ranges[0]->getStart(), nullptr, it.target);
    }
    /* a missing section: the place before the heading it belongs before (collapsed) */
    if (!range.is())
        range = paragraphRange(p.ranges[at], paraFound && it.rule != "section-missing");
    uno::Reference<view::XSelectionSupplier> sel(model->getCurrentController(),
                                                 uno::UNO_QUERY_THROW);
    sel->select(uno::Any(range));
    return range->getString();
}

} // namespace odfgate_lo

/*
 * uno-text.hxx — what odfgate does to the text of an open document: its comments (inserted,
 * removed, each as one undo step) and taking the person to a finding.
 */
#ifndef OG_LO_UNO_TEXT_HXX
#define OG_LO_UNO_TEXT_HXX

#include "libreoffice/uno-docstate.hxx"

#include <com/sun/star/frame/XModel.hpp>

namespace odfgate_lo
{

/* Remove odfgate's comments (author "odfgate"), as one undo step named `undoTitle`.
 * Returns how many were removed (no undo step when none). */
size_t removeOurComments(const css::uno::Reference<css::frame::XModel> &model,
                         const char *undoTitle);

/* Replace odfgate's comments by one per finding, anchored on its text (the placeholder, the
 * heading) or at the start of its paragraph, saying severity, rule and message: one undo
 * step. */
void insertComments(const css::uno::Reference<css::frame::XModel> &model, const Findings &f);

/* Select finding i's place in the document's view (the placeholder itself, the empty heading,
 * the start of the paragraph a missing section belongs before) and return the text selected. */
rtl::OUString selectFinding(const css::uno::Reference<css::frame::XModel> &model, const Findings &f,
                            size_t i);

} // namespace odfgate_lo

#endif

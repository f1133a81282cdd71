import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { isSafeLinkUrl } from '../../shared/util/links.ts';

/** Link targets the preview keeps: those the export keeps (shared/util/links.ts); others become ''. */
const keepSafe = (url: string): string => (isSafeLinkUrl(url) ? url : '');

const components: Components = {
  // A link that was not kept is shown as its text, never as an <a>: an <a href=""> would reload
  // the app on a click and take the user away from what they were writing.
  a: ({ node: _node, href, children, ...rest }) =>
    href && isSafeLinkUrl(href) ? (
      <a href={href} {...rest}>
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  // Images never load in the app (nothing remote may): their alt text stands in.
  img: ({ alt }) => <span>{alt}</span>,
};

/** People's GitHub-flavoured Markdown, shown: no raw HTML (react-markdown's default), only safe links, no images. */
export function MarkdownPreview({ markdown }: { markdown: string }) {
  return (
    <Markdown remarkPlugins={[remarkGfm]} urlTransform={keepSafe} components={components}>
      {markdown}
    </Markdown>
  );
}

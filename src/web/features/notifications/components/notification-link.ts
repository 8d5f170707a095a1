/**
 * Where a notification leads inside the app: its link when it is a path of this workspace, else the
 * workspace's home. The server writes the links, but an app path is all a link may ever be here.
 *
 * @example notificationPath('/w/b1/content/c1', 'b1') // '/w/b1/content/c1'
 */
export function notificationPath(link: string, businessId: string): string {
  return link.startsWith(`/w/${businessId}/`) && !link.includes('//') ? link : `/w/${businessId}`;
}

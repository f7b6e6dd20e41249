#pragma once

class QQuickWindow;

namespace convene {

// How the window's rendering costs less memory: set up before the application object exists
// (the atlas), before the first window (the render loop), and once the window has settled.
void limitTextureAtlas();
void preferBasicRenderLoopForSoftwareGl();
void trimHeapWhenSettled(QQuickWindow* window);

} // namespace convene
